package io.switchboard.inbound;

/**
 * An Incoming Webhook delivery we refuse before storing anything: the HTTP status, an error code,
 * where the problem is ({@code path}: a JSON path or a header name, may be null) and what to do.
 */
public final class DeliveryRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final String path;

    public DeliveryRefused(int status, String code, String path, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String path() { return path; }
}
