package io.switchboard.channel;

/** A webhook delivery we refuse: {@code status} is the HTTP status to answer (401, 400...). */
public class WebhookRejected extends RuntimeException {

    private final int status;

    public WebhookRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
