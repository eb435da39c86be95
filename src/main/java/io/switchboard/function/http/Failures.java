package io.switchboard.function.http;

import io.switchboard.document.InvalidWorkflowException;
import io.switchboard.document.WorkflowLibrary;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.TooLarge;
import io.switchboard.store.StoreOutages;
import java.util.Optional;

/**
 * What an exception that escaped an endpoint means for the caller. Only failures that are not the
 * request's fault are 5xx, and "retry" is said only where a retry is sound: a store that was busy or
 * unreachable wrote nothing we acknowledged, and every webhook and API write is idempotent.
 */
final class Failures {

    private Failures() {
    }

    static Optional<ApiException> known(Throwable e) {
        if (e instanceof WorkflowLibrary.NoSuchWorkflow missing) {
            return Optional.of(ApiException.notFound(missing.getMessage()));
        }
        if (e instanceof WorkflowLibrary.WorkflowConflict conflict) {
            return Optional.of(new ApiException(409, "conflict", conflict.getMessage()));
        }
        if (e instanceof InvalidWorkflowException invalid) {
            return Optional.of(new ApiException(422, "invalid_workflow",
                    "the workflow document is invalid: " + invalid.getMessage(), invalid.problems()));
        }
        if (e instanceof ConcurrentUpdateException) {
            return Optional.of(new ApiException(409, "conflict", e.getMessage()
                    + " by other requests each time we tried; read it again and repeat the request"));
        }
        if (e instanceof TooLarge tooLarge) {
            return Optional.of(new ApiException(413, "too_large", tooLarge.getMessage(), tooLarge.problems()));
        }
        if (transientStoreFailure(e)) {
            return Optional.of(new ApiException(503, "unavailable",
                    "the store is busy or unreachable; nothing was acknowledged, so the request is safe to repeat"));
        }
        return Optional.empty();
    }

    /** Throttling, a store 5xx, a timeout or a lost connection, after the SDK's own retries. */
    static boolean transientStoreFailure(Throwable e) {
        return StoreOutages.isOutage(e);
    }
}
