package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.addgooglesheetsrow.AddGoogleSheetsRowStep;
import io.switchboard.engine.step.addgooglesheetsrow.GoogleSheets;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Add Google Sheets Row in the engine alone: a step executed again after a crash appends nothing more. */
class GoogleSheetsRowEngineTest {

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final List<GoogleSheets.Row> appended = new ArrayList<>();
    final InMemoryClaims claims = new InMemoryClaims();
    final List<WakeUpCall> armed = new ArrayList<>();
    GoogleSheets.Outcome answer = new GoogleSheets.Outcome("Responses!A2:B2", null);
    RunEngine engine;

    @BeforeEach
    void engine() {
        GoogleSheets sheets = row -> {
            appended.add(row);
            return answer;
        };
        engine = new RunEngine(inbox, inbox, armed::add, new InboxPorts(inbox, inbox, inbox, null, null, null, null, sheets,
                claims), clock, Duration.ofSeconds(30));
        inbox.workflows.add(new WorkflowDefinition("ws", "csat", 1, "CSAT",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(
                new WaitStep("wait", Duration.ofMinutes(1)),
                new AddGoogleSheetsRowStep("row", "sheet-1", "Responses", List.of("$contact.name", "+351 912 345 678"),
                        List.of(new AddCommentStep("failed", "no row"))),
                new AddCommentStep("done", "row added"))));
    }

    Run openAndWait() {
        inbox.recordIncoming("ws", new IncomingContact("ada", "-Ada"), "web", clock.instant(), "conv-ada");
        Run run = engine.handle(new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-ada", "ada", "conv-ada",
                clock.instant(), Map.of("source", "contact"))).get(0);
        clock.advance(Duration.ofMinutes(1));
        return run;
    }

    List<String> history(Run run) {
        return inbox.runs.get(run.id()).history().stream().map(StepRecord::outcome).toList();
    }

    @Test
    void aRowStepExecutedAgainAfterACrashAppendsOnceAndKeepsItsOutcome() {
        Run run = openAndWait();
        // the wake-up claims the run, appends, and dies before its checkpoint
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals(1, appended.size());

        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), null, null)));

        assertEquals(1, appended.size(), "the re-executed step found its claim and did not call Google again");
        assertEquals("row added at Responses!A2:B2 (earlier)", history(run).get(2));
        assertEquals(List.of("row added"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void aFailureRecordedBeforeACrashTakesTheFailurePathAgainWithoutCalling() {
        answer = GoogleSheets.Outcome.failed("the service account has no access to the spreadsheet");
        Run run = openAndWait();
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(armed.get(0)));

        clock.advance(Duration.ofSeconds(31));
        engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), null, null));

        assertEquals(1, appended.size());
        assertEquals(List.of("no row"), inbox.comments.values().stream().map(c -> c.text()).toList());
    }

    @Test
    void aCallCutOffByACrashIsNotRepeated() {
        Run run = openAndWait();
        claims.claim("ws", "ada", run.id() + "#3", clock.instant()); // claimed by a call that never settled
        engine.wakeUp(armed.get(0));

        assertEquals(List.of(), appended, "at most once: a missing row rather than a duplicated one");
        assertEquals(true, history(run).get(2).startsWith("not appended again"), history(run).toString());
    }

    @Test
    void variablesThatLookLikeFormulasAreEnteredAsTextButTheStepsOwnTextIsNot() {
        openAndWait();
        engine.wakeUp(armed.get(0));

        assertEquals(List.of("'-Ada", "+351 912 345 678"), appended.get(0).values());
    }
}
