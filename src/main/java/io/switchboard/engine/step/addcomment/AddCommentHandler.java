package io.switchboard.engine.step.addcomment;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.inbox.Comment;
import io.switchboard.inbox.Conversation;
import java.util.Map;

public final class AddCommentHandler implements StepHandler<AddCommentStep> {

    @Override
    public StepResult run(AddCommentStep step, StepContext ctx) {
        String text = Variables.of(ctx).render(step.text());
        Conversation conversation = ctx.contact().conversation();
        String conversationId = conversation == null ? ctx.run().conversationId() : conversation.id();
        boolean added = ctx.inbox().comments().add(new Comment(ctx.run().workspaceId(), ctx.run().contactId(),
                conversationId, ctx.effectKey(), "workflow:" + ctx.workflow().id(), text, ctx.now()));
        return StepResult.changed(added ? "comment added" : "comment already added", Map.of("text", text));
    }
}
