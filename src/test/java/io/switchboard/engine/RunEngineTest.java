package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.Operator;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.AddCommentStep;
import io.switchboard.engine.step.AssignToStep;
import io.switchboard.engine.step.BranchStep;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.WaitStep;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.Team;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run engine alone, over in-memory ports and a settable clock. */
class RunEngineTest {

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final List<WakeUpCall> armed = new ArrayList<>();
    RunEngine engine;

    @BeforeEach
    void promptTransfer() {
        inbox.directory = inbox.directory.withAgent(new Agent("alice", "Alice", null, true))
                .withAgent(new Agent("bob", "Bob", null, true))
                .withTeam(new Team("support", "Support", List.of("alice", "bob")));
        inbox.workflows.add(new WorkflowDefinition("ws", "prompt", 1, "Prompt transfer",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(
                new AssignToStep("first", AssignToStep.Action.USER, "alice", null, AssignToStep.Logic.ROUND_ROBIN, false, null),
                new WaitStep("wait", Duration.ofMinutes(15)),
                new BranchStep("check", List.of(new BranchStep.Path("no reply", new ConditionGroup(ConditionGroup.Match.ALL,
                        List.of(new Condition(Category.TIME_SINCE_LAST_OUTGOING_MESSAGE, null, Operator.DOES_NOT_EXIST, List.of()))),
                        List.of(new AssignToStep("reassign", AssignToStep.Action.TEAM, null, "support",
                                        AssignToStep.Logic.ROUND_ROBIN, true, null),
                                new AddCommentStep("note", "Moved from $conversation.previous_assignee to $conversation.assignee")))),
                        List.of()))));
        engine = new RunEngine(inbox, inbox, armed::add, new InboxPorts(inbox, inbox, inbox), clock, Duration.ofSeconds(30));
    }

    Run open(String contact) {
        inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(), "conv-" + contact);
        return engine.handle(new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-" + contact, contact,
                "conv-" + contact, clock.instant(), Map.of("source", "contact"))).get(0);
    }

    @Test
    void aWaitArmsOneWakeUpAndTheWakeUpFinishesTheRun() {
        Run run = open("ada");
        assertEquals(1, armed.size());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), armed.get(0).dueAt());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(armed.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(List.of("Moved from Alice to Bob"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void theSameEventTwiceStartsOneRun() {
        open("ada");
        assertEquals(List.of(), engine.handle(new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-ada", "ada",
                "conv-ada", clock.instant(), Map.of())));
        assertEquals(1, inbox.runs.size());
    }

    @Test
    void aProcessDyingAfterAnAssignmentIsResumedByTheSweepWithoutDoublingAnything() {
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        // the wake-up claims the run, reassigns, and dies before its checkpoint
        inbox.crashOnNextSave = false;
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId(), "the reassignment happened before the crash");
        int assignmentsBefore = inbox.assignments;
        assertEquals(RunStatus.RUNNING, inbox.runs.get(run.id()).status());

        WakeUpCall sweep = new WakeUpCall("ws", "ada", run.id(), null, null);
        assertEquals(WakeUpResult.NOT_DUE, engine.wakeUp(sweep), "the lease of the dead process still holds");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(sweep));

        assertEquals(assignmentsBefore, inbox.assignments, "the re-executed step recognised its own assignment");
        assertEquals(List.of("Moved from Alice to Bob"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
        assertEquals(WakeUpResult.ALREADY_FINISHED, engine.wakeUp(armed.get(0)));
    }

    @Test
    void aLateDeliveryOfAnOldWaitTokenChangesNothing() {
        Run run = open("ada");
        WakeUpCall stale = new WakeUpCall("ws", "ada", run.id(), "not-the-token", Instant.now());
        clock.advance(Duration.ofHours(1));
        assertEquals(WakeUpResult.STALE_TOKEN, engine.wakeUp(stale));
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
    }
}
