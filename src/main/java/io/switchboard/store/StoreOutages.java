package io.switchboard.store;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Which failures mean DynamoDB was unavailable, once the SDK's own retries are spent: throttling, a
 * 5xx, a timeout or a lost connection. Whether the write happened is then unknown, so the caller must
 * leave the work to be repeated (every write is conditional or keyed, so a repeat finds its own earlier
 * write), never record it as failed. A failed condition or a validation error is the request's own
 * answer and is not an outage.
 */
public final class StoreOutages {

    private StoreOutages() {
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BatchReads.Unprocessed) {
                return true;
            }
            if (t instanceof SdkServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
                return true;
            }
            if (t instanceof SdkClientException) {
                return true;
            }
        }
        return false;
    }
}
