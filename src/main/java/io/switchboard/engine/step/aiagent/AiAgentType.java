package io.switchboard.engine.step.aiagent;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.Outbox;
import java.time.Duration;

/** The AiAgent step type: its name, record, handler and how its document is read. */
public final class AiAgentType extends DeclaredStepType<AiAgentStep> {

    public static final String NAME = "ai_agent";

    public AiAgentType() {
        super(NAME, AiAgentStep.class, new AiAgentHandler(), AiAgentType::read);
        writesVariables("ai");
        needs(AiModel.class, MessageStore.class, Outbox.class);
    }

    private static AiAgentStep read(StepReader step) {
        Duration timeout = step.has("timeout") ? step.duration("timeout", Duration.ofMinutes(1),
                "an AI agent waits from 1 minute to 7 days for the contact") : null;
        return new AiAgentStep(step.id(), step.text("instructions"), step.text("model"), step.texts("fields"),
                step.has("exitWhen") ? step.conditions("exitWhen") : null,
                step.integer("maxTurns", AiAgentStep.DEFAULT_MAX_TURNS), timeout,
                step.steps("onHandover"), step.steps("onTimeout"));
    }
}
