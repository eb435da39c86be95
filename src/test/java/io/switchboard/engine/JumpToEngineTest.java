package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.Operator;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.askquestion.AnswerType;
import io.switchboard.engine.step.askquestion.AskQuestionStep;
import io.switchboard.engine.step.branch.BranchStep;
import io.switchboard.engine.step.jumpto.JumpToStep;
import io.switchboard.engine.step.updatecontacttag.UpdateContactTagStep;
import io.switchboard.engine.step.wait.WaitStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jump To in the engine alone: loops are bounded by maxJumps, counted across waits, forwards and backwards. */
class JumpToEngineTest {

    final InMemoryWorkspace ws = new InMemoryWorkspace();

    @Test
    void aLoopRunsItsStepsAgainAtMostMaxJumpsTimesThenTheRunGoesOn() {
        ws.publish("loop", new AddCommentStep("note", "again"), new JumpToStep("back", "note", 3),
                new AddCommentStep("end", "end"));
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("again", "again", "again", "again", "end"), ws.comments(), "once, then three jumps back");
        assertEquals(List.of("jumped to note", "jumped to note", "jumped to note", "jump skipped: 3 jumps made"),
                ws.outcomes("ada").stream().filter(o -> o.startsWith("jump")).toList());
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
    }

    @Test
    void aJumpForwardSkipsTheStepsInBetween() {
        ws.publish("skip", new JumpToStep("skip", "last", 1), new AddCommentStep("skipped", "never"),
                new AddCommentStep("last", "last"));
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("last"), ws.comments());
    }

    @Test
    void aJumpCanLeaveABranchForAStepOutsideIt() {
        ConditionGroup vip = new ConditionGroup(ConditionGroup.Match.ALL,
                List.of(new Condition(Category.CONTACT_TAG, null, Operator.HAS_ANY_OF, List.of("vip"))));
        ws.publish("route", new UpdateContactTagStep("tag", UpdateContactTagStep.Action.ADD, List.of("vip")),
                new BranchStep("check", List.of(new BranchStep.Path("vip", vip,
                        List.of(new AddCommentStep("vip", "VIP"), new JumpToStep("out", "bye", 1)))),
                        List.of(new AddCommentStep("regular", "regular"))),
                new AddCommentStep("middle", "never for a VIP"),
                new AddCommentStep("bye", "bye"));
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of("VIP", "bye"), ws.comments());
    }

    @Test
    void theJumpCountSurvivesAWaitSoALoopWithAWaitIsBoundedToo() {
        ws.publish("remind", new WaitStep("wait", Duration.ofHours(1)), new AddCommentStep("remind", "reminder"),
                new JumpToStep("again", "wait", 2), new AddCommentStep("stop", "no more reminders"));
        ws.contactSays("ada", "m-1", "Hi");
        for (int hour = 0; hour < 5; hour++) {
            ws.passes(Duration.ofHours(1));
        }

        assertEquals(List.of("reminder", "reminder", "reminder", "no more reminders"), ws.comments());
        assertEquals("2", ws.run("ada").variable("jumps.again"));
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
    }

    @Test
    void aQuestionAskedAgainByAJumpWaitsForANewAnswerEachTime() {
        ws.publish("retry", new AskQuestionStep("ask", "Rate us from 1 to 5", AnswerType.RATING, List.of(), null, null,
                        null, null, new AskQuestionStep.Save(AskQuestionStep.SaveTo.VARIABLE, "rating"), Duration.ofHours(1),
                        0, null, List.of(), List.of()),
                new AddCommentStep("got", "Rated $answer.rating"), new JumpToStep("again", "ask", 1),
                new AddCommentStep("thanks", "Thanks"));
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "4");
        ws.contactSays("ada", "m-3", "5 stars");

        assertEquals(List.of("Rate us from 1 to 5", "Rate us from 1 to 5"), ws.sentTo("ada"));
        assertEquals(List.of("Rated 4", "Rated 5", "Thanks"), ws.comments());
    }
}
