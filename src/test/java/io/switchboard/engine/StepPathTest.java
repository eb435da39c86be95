package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.branch.BranchStep;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.StepPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepPathTest {

    final List<Step> steps = List.of(
            new WaitStep("w", Duration.ofMinutes(1)),
            new BranchStep("b", List.of(
                    new BranchStep.Path("first", ConditionGroup.ALWAYS, List.of(new AddCommentStep("c1", "a"), new AddCommentStep("c2", "b"))),
                    new BranchStep.Path("empty", ConditionGroup.ALWAYS, List.of())),
                    List.of(new AddCommentStep("e1", "else"))),
            new AddCommentStep("after", "done"));

    @Test
    void walksIntoABranchAndClimbsOutAfterItsLastStep() {
        StepPath branch = StepPath.parse("1");
        StepPath first = branch.enter(0, steps);
        assertEquals("1.0.0", first.toString());
        assertEquals("c1", first.resolve(steps).id());
        StepPath second = first.next(steps);
        assertEquals("c2", second.resolve(steps).id());
        assertEquals("after", second.next(steps).resolve(steps).id());
        assertNull(second.next(steps).next(steps), "the end of the workflow");
    }

    @Test
    void anEmptyBranchContinuesAfterTheBranchAndElseIsTheLastIndex() {
        assertEquals("2", StepPath.parse("1").enter(1, steps).toString());
        assertEquals("e1", StepPath.parse("1").enter(2, steps).resolve(steps).id());
        assertEquals(StepPath.parse("1.2.0"), StepPath.parse("1.2.0"));
    }
}
