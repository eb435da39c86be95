package io.switchboard.inbox;

import io.switchboard.document.Problem;
import java.util.List;

/**
 * A record would outgrow what one stored item can hold (DynamoDB: 400 KB); refused before it is
 * written, with what to make smaller.
 */
public class TooLarge extends RuntimeException {

    private final List<Problem> problems;

    public TooLarge(String message, List<Problem> problems) {
        super(message);
        this.problems = problems;
    }

    public List<Problem> problems() {
        return problems;
    }
}
