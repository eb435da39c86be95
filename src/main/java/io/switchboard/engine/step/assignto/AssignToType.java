package io.switchboard.engine.step.assignto;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.util.Map;

/** The AssignTo step type: its document, handler and the rules its document follows. */
public final class AssignToType implements StepType<AssignToStep> {

    public static final String NAME = "assign_to";

    private final AssignToHandler handler = new AssignToHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AssignToStep> stepClass() {
        return AssignToStep.class;
    }

    @Override
    public AssignToStep parse(StepReader step) {
        return new AssignToStep(step.id(),
                AssignToStep.Action.valueOf(step.text("action").toUpperCase()),
                step.text("userId"), step.text("teamId"),
                AssignToStep.Logic.valueOf(step.text("logic", "round_robin").toUpperCase()),
                step.flag("onlyOnline", false), step.integer("maxOpenContacts"),
                step.has("timeout") ? step.duration("timeout", AssignToStep.QUEUE_RECHECK,
                        "a queue timeout lasts from 1 minute to 7 days") : null,
                step.steps("onTimeout"));
    }

    @Override
    public StepHandler<AssignToStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("action", "team", "teamId", "support", "logic", "round_robin", "onlyOnline", true, "timeout", "PT1H");
    }
}
