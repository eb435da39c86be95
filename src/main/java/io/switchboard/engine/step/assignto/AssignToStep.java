package io.switchboard.engine.step.assignto;

import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.Step;
import java.time.Duration;
import java.util.List;

/**
 * Assign To: a specific user, a user of a team or of the workspace chosen by round robin or by least
 * open contacts, or unassign. {@code onlyOnline} and {@code maxOpenContacts} narrow who is eligible
 * (team and workspace actions only). When nobody is eligible the contact waits in a queue until
 * someone is, for at most {@code timeout}; then {@code timeoutSteps} run, or the run ends when there
 * are none (the product's documented behaviour).
 */
public record AssignToStep(String id, Action action, String userId, String teamId, Logic logic,
        boolean onlyOnline, Integer maxOpenContacts, Duration timeout, List<Step> timeoutSteps)
        implements Step {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);
    /** How often a queued contact is offered to the team again. */
    public static final Duration QUEUE_RECHECK = Duration.ofMinutes(1);

    public AssignToStep {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        timeoutSteps = timeoutSteps == null ? List.of() : timeoutSteps;
    }

    /** A step without queue settings: the product's defaults. */
    public AssignToStep(String id, Action action, String userId, String teamId, Logic logic, boolean onlyOnline,
            Integer maxOpenContacts) {
        this(id, action, userId, teamId, logic, onlyOnline, maxOpenContacts, null, null);
    }

    /** The queue timeout path; the run ends after it. */
    @Override
    public List<NestedSteps> nested() {
        return List.of(new NestedSteps("onTimeout", timeoutSteps, true));
    }

    public enum Action {
        USER, TEAM, WORKSPACE, UNASSIGN
    }

    public enum Logic {
        ROUND_ROBIN, LEAST_OPEN_CONTACTS
    }

    @Override
    public String type() {
        return AssignToType.NAME;
    }
}
