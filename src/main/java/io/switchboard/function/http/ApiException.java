package io.switchboard.function.http;

import io.switchboard.document.Problem;
import java.util.List;

/** A request we refuse, with what was wrong and where; rendered as a JSON error, never a stack trace. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem> problems;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = problems;
    }

    public int status() { return status; }
    public String code() { return code; }
    public List<Problem> problems() { return problems; }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
