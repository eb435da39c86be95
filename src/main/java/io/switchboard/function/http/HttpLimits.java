package io.switchboard.function.http;

/**
 * The sizes one HTTP request may have, checked before anything is read from the store or written to
 * it, on every transport. Documented in the README ("Limits"); each refusal is a JSON error naming the
 * limit.
 */
public final class HttpLimits {

    /** A request body: webhooks, workflow documents, API bodies. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The request line's target (path and query). */
    public static final int MAX_URI_CHARS = 8 * 1024;
    /** All header names and values together. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;
    /** One path parameter (a contact, user, workflow... id), in characters after percent-decoding. */
    public static final int MAX_PATH_PARAM_CHARS = 256;

    private HttpLimits() {
    }

    public static ApiException bodyTooLarge(long bytes) {
        return new ApiException(413, "payload_too_large", "the request body is " + (bytes < 0 ? "over" : bytes + " bytes;")
                + " at most " + MAX_BODY_BYTES + " bytes (1 MiB) are accepted");
    }

    public static ApiException uriTooLong(int chars) {
        return new ApiException(414, "uri_too_long", "the request target is " + chars + " characters; at most "
                + MAX_URI_CHARS + " are accepted");
    }

    public static ApiException headersTooLarge(long bytes) {
        return new ApiException(431, "headers_too_large", "the request headers are " + bytes + " bytes; at most "
                + MAX_HEADER_BYTES + " are accepted");
    }
}
