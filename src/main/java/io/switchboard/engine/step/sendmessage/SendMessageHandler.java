package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.OutgoingContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the channel and the message (see {@link ResponseChoice}) and sends through the outbox, keyed by
 * the step's effect key: the message is stored before it is sent, so a step re-executed after a crash or
 * a lost lease finds it and sends nothing twice. The history says which response went out and why.
 */
public final class SendMessageHandler implements StepHandler<SendMessageStep> {

    @Override
    public StepResult run(SendMessageStep step, StepContext ctx) {
        Variables variables = Variables.of(ctx);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("text", step.message().rendered(variables::render).recorded());
        Contact contact = ctx.contact();
        if (!contact.hasOpenConversation()) {
            return StepResult.failed(step, "not sent: the contact has no open conversation", details);
        }
        details.put("conversation", contact.conversation().id());
        Outbox outbox = ctx.inbox().outbox();
        // a step re-executed after its message went out says so, even if the window has closed since
        if (outbox.alreadySent(ctx.run().workspaceId(), contact.id(), ctx.effectKey())) {
            return StepResult.unchanged("message already sent", details);
        }
        Outbox.Route route;
        try {
            route = outbox.route(ctx.run().workspaceId(), contact, step.channel());
        } catch (Outbox.NoRoute nowhere) {
            details.put("error", nowhere.code());
            return StepResult.failed(step, "not sent: " + nowhere.getMessage(), details);
        }
        details.put("channel", route.channelId());
        if (route.channelType() != null) {
            details.put("channelType", route.channelType());
        }
        ResponseChoice.Choice choice = ResponseChoice.pick(step, route, ctx.now());
        if (choice.refused()) {
            details.put("error", "outside_window");
            return StepResult.failed(step, "not sent: " + choice.why(), details);
        }
        OutgoingContent message = choice.message().rendered(variables::render);
        details.put("text", message.recorded());
        details.put("response", choice.response());
        details.put("why", choice.why());
        try {
            Optional<Contact> sent = outbox.send(ctx.run().workspaceId(), contact, route,
                    "workflow:" + ctx.workflow().id(), message, ctx.effectKey());
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
