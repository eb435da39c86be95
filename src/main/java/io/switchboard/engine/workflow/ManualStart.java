package io.switchboard.engine.workflow;

import java.util.Optional;

/**
 * The one rule for starting a workflow by hand, whether a person starts it through the API or a
 * Trigger Another Workflow step does: it must exist, be published, and start on a manual trigger.
 */
public final class ManualStart {

    /** Why a workflow cannot be started by hand; the message names it. */
    public enum Refusal {
        NO_WORKFLOW, NOT_PUBLISHED, NOT_MANUAL
    }

    public record Refused(Refusal reason, String message) {
    }

    private ManualStart() {
    }

    /**
     * @param exists    whether a workflow with this id exists (published or not)
     * @param published its published version, if any
     * @param verb      how the caller starts it, for the message: "started", "triggered"
     */
    public static Optional<Refused> refusal(String workflowId, boolean exists, Optional<WorkflowDefinition> published,
            String verb) {
        if (!exists) {
            return Optional.of(new Refused(Refusal.NO_WORKFLOW, "no workflow " + workflowId));
        }
        if (published.isEmpty()) {
            return Optional.of(new Refused(Refusal.NOT_PUBLISHED, "workflow " + workflowId
                    + " is not published; publish it first"));
        }
        TriggerType type = published.get().trigger().type();
        if (type != TriggerType.MANUAL) {
            return Optional.of(new Refused(Refusal.NOT_MANUAL, "workflow " + workflowId + " starts on "
                    + type.wireName() + "; only a workflow with a manual trigger can be " + verb));
        }
        return Optional.empty();
    }
}
