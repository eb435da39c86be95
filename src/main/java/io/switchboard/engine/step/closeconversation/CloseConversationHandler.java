package io.switchboard.engine.step.closeconversation;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.ConversationStatus;
import java.util.LinkedHashMap;
import java.util.Map;

public final class CloseConversationHandler implements StepHandler<CloseConversationStep> {

    @Override
    public StepResult run(CloseConversationStep step, StepContext ctx) {
        Conversation conversation = ctx.contact().conversation();
        if (conversation == null || !conversation.isOpen()) {
            return StepResult.unchanged("conversation already closed", Map.of());
        }
        boolean closed = ctx.inbox().contacts().close(ctx.run().workspaceId(), ctx.run().contactId(),
                conversation.id(), ctx.now());
        ctx.contactChanged(ctx.contact().withConversation(new Conversation(conversation.id(),
                ConversationStatus.CLOSED, conversation.openedBy(), conversation.channelId(), conversation.openedAt(),
                ctx.now(), conversation.lastIncomingAt(), conversation.lastOutgoingAt())));
        if (closed) {
            ctx.fire(new TriggerEvent(ctx.run().workspaceId(), TriggerType.CONVERSATION_CLOSED, conversation.id(),
                    ctx.run().contactId(), conversation.id(), ctx.now(), Map.of("source", "workflow")));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("conversation", conversation.id());
        if (step.category() != null) {
            details.put("category", step.category());
        }
        if (step.summary() != null) {
            details.put("summary", Variables.of(ctx).render(step.summary()));
        }
        return StepResult.changed(closed ? "conversation closed" : "conversation already closed", details);
    }
}
