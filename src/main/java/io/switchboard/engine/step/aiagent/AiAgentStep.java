package io.switchboard.engine.step.aiagent;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.Step;
import java.time.Duration;
import java.util.List;

/**
 * AI Agent: the workspace's chat model talks with the contact, one turn per contact message, following
 * {@code instructions}. It may save the contact fields listed in {@code fields}. The agent exits:
 * <ul>
 * <li>to the steps after it when the model says the objective is reached, or when {@code exitWhen}
 * holds after a turn (for example: the contact now has an email field);</li>
 * <li>to {@code onHandover} when the model hands over to a human, after {@code maxTurns} turns, or
 * when the model cannot be used (a person is the safe fallback; put an Assign To there);</li>
 * <li>to {@code onTimeout} when the contact does not write for {@code timeout};</li>
 * <li>quietly, ending the run, when a person replied in the conversation or it was closed.</li>
 * </ul>
 */
public record AiAgentStep(String id, String instructions, String model, List<String> fields, ConditionGroup exitWhen,
        int maxTurns, Duration timeout, List<Step> onHandover, List<Step> onTimeout) implements Step {

    public static final int DEFAULT_MAX_TURNS = 10;
    public static final int MAX_TURNS = 50;
    public static final int MAX_FIELDS = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(1);

    public AiAgentStep {
        fields = fields == null ? List.of() : List.copyOf(fields);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onHandover = onHandover == null ? List.of() : onHandover;
        onTimeout = onTimeout == null ? List.of() : onTimeout;
    }

    /** The steps after the agent run when it reached its objective; the other exits end the run after their steps. */
    @Override
    public List<NestedSteps> nested() {
        return List.of(new NestedSteps("onHandover", onHandover, true), new NestedSteps("onTimeout", onTimeout, true));
    }

    @Override
    public String type() {
        return AiAgentType.NAME;
    }
}
