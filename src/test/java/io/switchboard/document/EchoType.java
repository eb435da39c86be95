package io.switchboard.document;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.StepType;
import io.switchboard.engine.workflow.Step;
import java.util.Map;

/** A seventeenth step type, as a developer would add one: its record, handler and descriptor, and a fragment beside it. */
final class EchoType implements StepType<EchoType.EchoStep> {

    record EchoStep(String id, String text) implements Step {
        @Override
        public String type() {
            return "echo";
        }
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public Class<EchoStep> stepClass() {
        return EchoStep.class;
    }

    @Override
    public EchoStep parse(StepReader step) {
        return new EchoStep(step.id(), step.text("text"));
    }

    @Override
    public StepHandler<EchoStep> handler() {
        return (step, ctx) -> StepResult.unchanged("echoed " + step.text(), Map.of());
    }
}
