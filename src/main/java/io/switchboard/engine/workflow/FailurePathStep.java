package io.switchboard.engine.workflow;

import java.util.List;

/**
 * A step whose success path is simply the steps after it, with one other path for when it fails
 * (Send a Message, HTTP Request, Add Google Sheets Row) or does not hold (Date &amp; Time's outside).
 * The run ends after that path's steps. What an empty path means is the step's rule: a failed effect
 * is recorded and the run goes on; Date &amp; Time outside its hours ends the run.
 */
public interface FailurePathStep extends Step {

    /** The failure path's name in documents: {@code onFailure}, or Date &amp; Time's {@code outside}. */
    default String failurePathName() {
        return "onFailure";
    }

    List<Step> failurePath();

    @Override
    default List<NestedSteps> nested() {
        return List.of(new NestedSteps(failurePathName(), failurePath(), true));
    }
}
