package io.switchboard.function.http;

import io.switchboard.document.Problem;
import java.util.List;
import java.util.Map;

/**
 * Path parameters become parts of storage keys (DynamoDB keys hold at most 1 KB or 2 KB): each is
 * checked for length and control characters before any endpoint runs, for every route at once.
 */
final class PathParams {

    private PathParams() {
    }

    static void check(Map<String, String> params) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            String value = p.getValue();
            boolean control = value.chars().anyMatch(Character::isISOControl);
            if (value.isEmpty() || value.length() > HttpLimits.MAX_PATH_PARAM_CHARS || control) {
                String what = "1-" + HttpLimits.MAX_PATH_PARAM_CHARS + " characters without control characters";
                throw new ApiException(400, "invalid_request", "path parameter " + p.getKey() + " must be " + what
                        + (value.length() > HttpLimits.MAX_PATH_PARAM_CHARS ? "; it has " + value.length() : ""),
                        List.of(new Problem("path." + p.getKey(), what)));
            }
        }
    }
}
