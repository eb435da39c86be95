package io.switchboard.engine.step;

import io.switchboard.engine.run.Run;
import java.util.List;

/**
 * A step that waits for the contact's next message (Ask a Question, AI Agent) marks its run here and
 * on the contact; the engine hands the message to the run in {@link #TEXT} when it arrives. The
 * marks are run variables, so they survive between the step's turns in the stored run.
 */
public final class Replies {

    /** The id of the step waiting for the contact's next message. */
    public static final String AWAITED = "reply.awaitedBy";
    /** The contact's message, set by the engine when it resumes the run. */
    public static final String TEXT = "reply.text";
    public static final String MESSAGE_ID = "reply.messageId";
    /** The last message handed to the run; a redelivery of it is not a second reply. */
    public static final String LAST_MESSAGE_ID = "reply.lastMessageId";

    private Replies() {
    }

    /** A message handed to the run. */
    public record Reply(String text, String messageId) {
    }

    /** True when this step of the run is the one waiting for a reply. */
    public static boolean awaitedBy(StepContext ctx, String stepId) {
        return stepId.equals(ctx.run().variable(AWAITED));
    }

    /** Marks the run as waiting; the contact is marked once, on the step's first turn. */
    public static void await(StepContext ctx, String stepId) {
        boolean first = ctx.run().variable(AWAITED) == null;
        ctx.run().setVariable(AWAITED, stepId);
        if (first) {
            ctx.inbox().contacts().awaitReply(ctx.run().workspaceId(), ctx.run().contactId(), ctx.run().id(), true);
        }
    }

    /** The reply that resumed the run, taken out of it; null when the run was resumed by its timer. */
    public static Reply take(Run run) {
        String text = run.variable(TEXT);
        if (text == null) {
            return null;
        }
        Reply reply = new Reply(text, run.variable(MESSAGE_ID));
        run.setVariable(TEXT, null);
        run.setVariable(MESSAGE_ID, null);
        return reply;
    }

    /** The step no longer waits: the contact's next message is not for this run. */
    public static void stop(StepContext ctx) {
        Run run = ctx.run();
        boolean waiting = run.variable(AWAITED) != null;
        for (String name : List.of(AWAITED, TEXT, MESSAGE_ID)) {
            run.setVariable(name, null);
        }
        if (waiting) {
            ctx.inbox().contacts().awaitReply(run.workspaceId(), run.contactId(), run.id(), false);
        }
    }
}
