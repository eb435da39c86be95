package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.OutboundSender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends through the outbox, keyed by the step's effect key: the message is stored before it is sent,
 * so a step re-executed after a crash or a lost lease finds it and sends nothing twice.
 */
public final class SendMessageHandler implements StepHandler<SendMessageStep> {

    @Override
    public StepResult run(SendMessageStep step, StepContext ctx) {
        String text = Variables.of(ctx).render(step.text());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("text", text);
        Contact contact = ctx.contact();
        if (!contact.hasOpenConversation()) {
            return StepResult.failed(step, "not sent: the contact has no open conversation", details);
        }
        details.put("conversation", contact.conversation().id());
        try {
            Optional<Contact> sent = ctx.inbox().outbox().send(ctx.run().workspaceId(), contact,
                    "workflow:" + ctx.workflow().id(), text, ctx.effectKey());
            if (sent.isEmpty()) {
                return StepResult.unchanged("message already sent", details);
            }
            ctx.contactChanged(sent.get());
            return StepResult.changed("message sent", details);
        } catch (OutboundSender.SendFailed refused) {
            details.put("error", refused.code());
            return StepResult.failed(step, "not sent: " + refused.getMessage(), details);
        }
    }

}
