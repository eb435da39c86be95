package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;

/**
 * Assign To: a specific user, a user of a team or of the workspace chosen by round robin or by least
 * open contacts, or unassign. {@code onlyOnline} and {@code maxOpenContacts} narrow who is eligible
 * (team and workspace actions only).
 */
public record AssignToStep(String id, Action action, String userId, String teamId, Logic logic,
        boolean onlyOnline, Integer maxOpenContacts) implements Step {

    public enum Action {
        USER, TEAM, WORKSPACE, UNASSIGN
    }

    public enum Logic {
        ROUND_ROBIN, LEAST_OPEN_CONTACTS
    }

    @Override
    public String type() {
        return "assign_to";
    }
}
