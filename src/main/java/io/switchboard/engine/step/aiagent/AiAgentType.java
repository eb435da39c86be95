package io.switchboard.engine.step.aiagent;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.Outbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The AiAgent step type: its document, handler and the rules its document follows. */
public final class AiAgentType implements StepType<AiAgentStep> {

    public static final String NAME = "ai_agent";

    private final AiAgentHandler handler = new AiAgentHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AiAgentStep> stepClass() {
        return AiAgentStep.class;
    }

    @Override
    public AiAgentStep parse(StepReader step) {
        Duration timeout = step.has("timeout") ? step.duration("timeout", Duration.ofMinutes(1),
                "an AI agent waits from 1 minute to 7 days for the contact") : null;
        return new AiAgentStep(step.id(), step.text("instructions"), step.text("model"), step.texts("fields"),
                step.has("exitWhen") ? step.conditions("exitWhen") : null,
                step.integer("maxTurns", AiAgentStep.DEFAULT_MAX_TURNS), timeout,
                step.steps("onHandover"), step.steps("onTimeout"));
    }

    @Override
    public StepHandler<AiAgentStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("instructions", "Answer questions about orders; hand over when asked for a person", "fields", List.of("email"));
    }

    @Override
    public Set<String> variableNamespaces() {
        return Set.of("ai");
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(AiModel.class, MessageStore.class, Outbox.class);
    }
}
