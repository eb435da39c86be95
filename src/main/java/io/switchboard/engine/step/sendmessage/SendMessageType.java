package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import io.switchboard.inbox.Outbox;
import java.util.Map;
import java.util.Set;

/** The SendMessage step type: its document, handler and the rules its document follows. */
public final class SendMessageType implements StepType<SendMessageStep> {

    public static final String NAME = "send_message";

    private final SendMessageHandler handler = new SendMessageHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SendMessageStep> stepClass() {
        return SendMessageStep.class;
    }

    @Override
    public SendMessageStep parse(StepReader step) {
        return new SendMessageStep(step.id(), step.text("text"), step.steps("onFailure"));
    }

    @Override
    public StepHandler<SendMessageStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("text", "Hi $contact.firstname, an agent will be with you shortly");
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(Outbox.class);
    }
}
