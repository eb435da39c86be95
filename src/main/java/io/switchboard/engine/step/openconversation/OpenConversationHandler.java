package io.switchboard.engine.step.openconversation;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.OpenedBy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a conversation (opened by {@code workflow}) and fires Conversation Opened with source
 * workflow. The conversation id derives from the step's effect key, so a repeated step finds the
 * conversation it opened and fires the same event again.
 */
public final class OpenConversationHandler implements StepHandler<OpenConversationStep> {

    @Override
    public StepResult run(OpenConversationStep step, StepContext ctx) {
        if (ctx.contact().hasOpenConversation()) {
            return StepResult.unchanged("conversation already open",
                    Map.of("conversation", ctx.contact().conversation().id()));
        }
        String conversationId = UUID.nameUUIDFromBytes(ctx.effectKey().getBytes(StandardCharsets.UTF_8)).toString();
        Optional<Contact> opened = ctx.inbox().contacts().openConversation(ctx.run().workspaceId(),
                ctx.run().contactId(), conversationId, OpenedBy.WORKFLOW, ctx.now());
        if (opened.isEmpty()) {
            ctx.contactChanged(null);
            return StepResult.unchanged("conversation already open", Map.of());
        }
        ctx.contactChanged(opened.get());
        ctx.fire(new TriggerEvent(ctx.run().workspaceId(), TriggerType.CONVERSATION_OPENED, conversationId,
                ctx.run().contactId(), conversationId, ctx.now(), Map.of("source", OpenedBy.WORKFLOW.wireName())));
        return StepResult.changed("conversation opened", Map.of("conversation", conversationId));
    }
}
