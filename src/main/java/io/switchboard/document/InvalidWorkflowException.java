package io.switchboard.document;

import java.util.List;
import java.util.stream.Collectors;

public class InvalidWorkflowException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidWorkflowException(List<Problem> problems) {
        super(problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
