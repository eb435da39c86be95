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
import io.switchboard.engine.run.WakeUpScheduler;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.assignto.AssignToStep;
import io.switchboard.engine.step.datetime.DateTimeStep;
import io.switchboard.engine.step.jumpto.JumpToStep;
import io.switchboard.engine.step.updatecontacttag.UpdateContactTagStep;
import io.switchboard.engine.step.branch.BranchStep;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.wait.WaitStep;
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

    /** A scheduler that holds every wait it is offered (as SQS holds waits of one to fifteen minutes). */
    final class Holding implements WakeUpScheduler {
        final List<WakeUpCall> held = new ArrayList<>();
        RuntimeException refusal;

        @Override
        public boolean hold(WakeUpCall call) {
            if (refusal != null) {
                throw refusal;
            }
            held.add(call);
            return true;
        }

        @Override
        public void arm(WakeUpCall call) {
            armed.add(call);
        }
    }

    /** The engine over a scheduler that holds every wait. */
    Holding holding() {
        Holding scheduler = new Holding();
        engine = new RunEngine(inbox, inbox, scheduler, new InboxPorts(inbox, inbox, inbox), clock, Duration.ofSeconds(30));
        return scheduler;
    }

    @Test
    void aWaitItsSchedulerHoldsIsStoredOutOfTheDueIndexAndItsHeldCallWakesTheRunOnce() {
        Holding scheduler = holding();
        Run run = open("ada");

        assertEquals(1, scheduler.held.size());
        assertEquals(List.of(), armed, "a held wait is not armed after its write as well");
        WakeUpCall call = scheduler.held.get(0);
        assertEquals(inbox.runs.get(run.id()).version(), call.storedVersion(), "the call names the version its write stored");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(List.of(), inbox.due(clock.instant(), 10), "no due entry: the scheduler is the run's timer");

        assertEquals(WakeUpResult.NOT_YET, engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), "a-later-wait",
                call.dueAt(), call.storedVersion() + 1)), "a call for a write that has not landed comes again");
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(call));
        assertEquals(WakeUpResult.ALREADY_FINISHED, engine.wakeUp(call), "its duplicate changes nothing");
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(1, inbox.comments.size());
    }

    @Test
    void aHeldCallThatComesBeforeItsDueTimeComesAgainRatherThanBeingDropped() {
        Holding scheduler = holding();
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(14));

        assertEquals(WakeUpResult.NOT_YET, engine.wakeUp(scheduler.held.get(0)), "the held call is the run's only timer");
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
        assertEquals(RunStatus.WAITING, inbox.runs.get(run.id()).status());
    }

    @Test
    void aHeldWakeUpWrittenEffectsFirstThatDiedMidwayIsFinishedOnceByItsRedelivery() {
        Holding scheduler = holding();
        engine.writingWakeUpEffectsFirst();
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        inbox.crashOnNextComment = true;
        assertThrows(InMemoryInbox.ProcessKilled.class, () -> engine.wakeUp(scheduler.held.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId(), "the reassignment happened before the crash");
        assertEquals(List.of(), inbox.due(clock.instant().plus(Duration.ofHours(1)), 10), "still no due entry: nothing was written");

        // the failed delivery is not deleted from the queue, which delivers it again
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(scheduler.held.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(List.of("Moved from Alice to Bob"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
        assertEquals(WakeUpResult.ALREADY_FINISHED, engine.wakeUp(scheduler.held.get(0)));
    }

    @Test
    void aHeldWakeUpThatClaimedItsRunAndDiedLeavesTheRunToTheSweepThroughItsLease() {
        Holding scheduler = holding();
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(scheduler.held.get(0)));
        assertEquals(WakeUpResult.STALE_TOKEN, engine.wakeUp(scheduler.held.get(0)),
                "the claim took the wait's token: its redelivery cannot resume the run");

        clock.advance(Duration.ofSeconds(31));
        List<WakeUpCall> due = inbox.due(clock.instant(), 10);
        assertEquals(List.of(run.id()), due.stream().map(WakeUpCall::runId).toList(),
                "the claim wrote a due entry, the lease: the sweep takes the run over");
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(due.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(1, inbox.comments.size());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void whenTheSchedulerCannotHoldAWaitItsDueEntryTimesItAndTheWebhookStillSucceeds() {
        Holding scheduler = holding();
        scheduler.refusal = new IllegalStateException("queue unreachable");
        Run run = open("ada");

        assertEquals(1, armed.size(), "armed after the write, as any wait whose due entry is the timer of record");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(List.of(run.id()), inbox.due(clock.instant(), 10).stream().map(WakeUpCall::runId).toList());
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
    void theReassignmentRecordsWhyEachAgentItDidNotChooseWasLeftOut() {
        inbox.directory = inbox.directory.withAgent(new Agent("carol", "Carol", null, true))
                .withAgent(new Agent("dave", "Dave", null, false))
                .withTeam(new Team("support", "Support", List.of("alice", "bob", "dave")));
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        engine.wakeUp(armed.get(0));
        var reassign = inbox.runs.get(run.id()).history().stream().filter(h -> "reassign".equals(h.stepId())).findFirst()
                .orElseThrow();
        assertEquals("bob", reassign.details().get("assignee"));
        // carol is no member of the team: agents outside it are not listed (a workspace may have thousands)
        assertEquals("offline: dave; already assigned by this run: alice", reassign.details().get("notChosen"));
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
    void aWakeUpWritesTheRunWhenItClaimsItAndWhenItEndsNotBetweenItsKeyedSteps() {
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        int before = inbox.runSaves;
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(armed.get(0)));
        // branch, reassign and comment repeat harmlessly, so only the claim and the end are written
        assertEquals(2, inbox.runSaves - before);
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void aProcessDyingBetweenTheReassignmentAndItsCommentRepeatsBothWithoutDoublingEither() {
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        inbox.crashOnNextComment = true;
        assertThrows(InMemoryInbox.ProcessKilled.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId(), "the reassignment happened before the crash");
        assertEquals(0, inbox.comments.size());
        int assignmentsBefore = inbox.assignments;

        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), null, null)));

        assertEquals(assignmentsBefore, inbox.assignments, "the repeated step recognised its own assignment");
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(List.of("Moved from Alice to Bob"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void aWakeUpWrittenEffectsFirstThatDiedAfterTheReassignmentFinishesItThoughTheNewAgentRepliedSince() {
        engine.writingWakeUpEffectsFirst();
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(15));
        inbox.crashOnNextComment = true;
        assertThrows(InMemoryInbox.ProcessKilled.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals("bob", inbox.contacts.get("ada").assigneeId(), "the reassignment happened before the crash");
        assertEquals(RunStatus.WAITING, inbox.runs.get(run.id()).status(), "the run was not written");
        inbox.recordOutgoing("ws", "ada", clock.instant()); // Bob answers before the wake-up is repeated
        int assignmentsBefore = inbox.assignments;

        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(armed.get(0)), "the sweep delivers the wake-up again");

        assertEquals(assignmentsBefore, inbox.assignments, "the repeat recognised its own assignment");
        assertEquals("bob", inbox.contacts.get("ada").assigneeId());
        assertEquals(List.of("Moved from Alice to Bob"), inbox.comments.values().stream().map(c -> c.text()).toList(),
                "the reply does not cost the reassignment its comment");
        Run done = inbox.runs.get(run.id());
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals("reassign, where an earlier delivery of this wake-up stopped", done.history().stream()
                .filter(h -> "wake_up".equals(h.stepType())).findFirst().orElseThrow().details().get("continuedAt"));
    }

    @Test
    void aSendMessageStepRepeatedAfterACrashSendsOnce() {
        InMemoryMessages messages = new InMemoryMessages();
        List<String> sent = messages.sent;
        engine = new RunEngine(inbox, inbox, armed::add, new InboxPorts(inbox, inbox, inbox,
                new io.switchboard.inbox.Outbox(inbox, messages, messages, clock),
                null), clock, Duration.ofSeconds(30));
        workflow("greet", new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS),
                new WaitStep("wait", Duration.ofMinutes(1)),
                new io.switchboard.engine.step.sendmessage.SendMessageStep("hello", "Hello $contact.name", List.of()));
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(1));
        // the wake-up claims the run, sends, and dies before its checkpoint
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals(List.of("ada: Hello ada"), sent);

        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), null, null)));

        assertEquals(List.of("ada: Hello ada"), sent, "the re-executed step found its message and sent nothing");
        assertEquals(1, messages.list("ws", "ada").size());
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void aLateDeliveryOfAnOldWaitTokenChangesNothing() {
        Run run = open("ada");
        WakeUpCall stale = new WakeUpCall("ws", "ada", run.id(), "not-the-token", Instant.now());
        clock.advance(Duration.ofHours(1));
        assertEquals(WakeUpResult.STALE_TOKEN, engine.wakeUp(stale));
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
    }

    WorkflowDefinition workflow(String id, Trigger trigger, io.switchboard.engine.workflow.Step... steps) {
        WorkflowDefinition w = new WorkflowDefinition("ws", id, 1, id, trigger, List.of(steps));
        inbox.workflows.clear();
        inbox.workflows.add(w);
        return w;
    }

    List<Run> runsOf(String workflowId) {
        return inbox.runs.values().stream().filter(r -> r.workflowId().equals(workflowId)).toList();
    }

    @Test
    void workflowsStartingEachOtherStopAfterFiveLinksAndTheLastRunSaysSo() {
        workflow("flip", new Trigger(TriggerType.CONTACT_TAG_UPDATED, ConditionGroup.ALWAYS,
                        Map.of("tag", "flip", "change", "added"), false),
                new UpdateContactTagStep("off", UpdateContactTagStep.Action.REMOVE, List.of("flip")),
                new UpdateContactTagStep("on", UpdateContactTagStep.Action.ADD, List.of("flip")));
        inbox.recordIncoming("ws", new IncomingContact("ada", "Ada"), "web", clock.instant(), "conv-ada");
        var change = inbox.changeTags("ws", "ada", java.util.Set.of("flip"), java.util.Set.of(), "api:1", clock.instant());

        io.switchboard.engine.workflow.ContactEvents.of("ws", change, "api:1", "user", clock.instant())
                .forEach(engine::handle);

        List<Run> runs = runsOf("flip");
        assertEquals(RunEngine.MAX_CHAIN_DEPTH + 1, runs.size());
        Run deepest = runs.stream().filter(r -> String.valueOf(RunEngine.MAX_CHAIN_DEPTH)
                .equals(r.variable(RunEngine.CHAIN_DEPTH))).findFirst().orElseThrow();
        assertEquals(List.of(false, true), deepest.history().stream()
                .map(h -> h.details().containsKey("triggersNotFired")).toList());
        assertEquals(java.util.Set.of("flip"), inbox.contacts.get("ada").tags());
    }

    @Test
    void aJumpIsSkippedAfterItsMaximumAndTheRunGoesOn() {
        workflow("loop", new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS),
                new AddCommentStep("note", "again"),
                new JumpToStep("back", "note", 2),
                new AddCommentStep("end", "end"));
        Run run = open("ada");
        assertEquals(List.of("again", "again", "again", "end"),
                inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals("2", inbox.runs.get(run.id()).variable("jumps.back"));
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(run.id()).status());
    }

    @Test
    void outsideBusinessHoursTheOutsideStepsRunAndThenTheRunEnds() {
        clock.set(Instant.parse("2026-11-29T10:00:00Z")); // a Sunday in Lisbon
        workflow("hours", new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS),
                new DateTimeStep("hours", java.time.ZoneId.of("Europe/Lisbon"),
                        Map.of(java.time.DayOfWeek.SUNDAY, List.of(new DateTimeStep.Window(
                                java.time.LocalTime.of(11, 0), java.time.LocalTime.of(12, 0)))),
                        null, null, List.of(new AddCommentStep("closed", "closed"))),
                new AddCommentStep("open", "open"));
        open("ada");
        clock.set(Instant.parse("2026-11-29T11:30:00Z"));
        open("ben");
        assertEquals(List.of("closed", "open"), inbox.comments.values().stream().map(c -> c.text()).toList());
    }

    @Test
    void aWorkflowTriggeringOncePerContactNeverEnrolsTheSameContactTwice() {
        workflow("welcome", new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS, Map.of(), true),
                new AddCommentStep("hi", "hi"));
        open("ada");
        inbox.close("ws", "ada", "conv-ada", clock.instant());
        inbox.recordIncoming("ws", new IncomingContact("ada", "ada"), "web", clock.instant(), "conv-ada-2");
        List<Run> second = engine.handle(new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-ada-2", "ada",
                "conv-ada-2", clock.instant(), Map.of("source", "contact")));
        assertEquals(List.of(), second);
        assertEquals(1, runsOf("welcome").size());
    }

    @Test
    void aTagStepRepeatedAfterACrashFiresItsEventOnceAndStartsOneRun() {
        inbox.workflows.clear();
        inbox.workflows.add(new WorkflowDefinition("ws", "tagger", 1, "Tagger",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(
                new WaitStep("wait", Duration.ofMinutes(1)),
                new UpdateContactTagStep("tag", UpdateContactTagStep.Action.ADD, List.of("vip")),
                new AddCommentStep("done", "tagged"))));
        inbox.workflows.add(new WorkflowDefinition("ws", "vip", 1, "VIP",
                new Trigger(TriggerType.CONTACT_TAG_UPDATED, ConditionGroup.ALWAYS, Map.of("tag", "vip"), false),
                List.of(new AddCommentStep("note", "vip"))));
        Run run = open("ada");
        clock.advance(Duration.ofMinutes(1));
        // the wake-up claims the run, tags, and dies at the checkpoint, before the event is dispatched
        inbox.crashAfterClaim();
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.wakeUp(armed.get(0)));
        assertEquals(List.of(), runsOf("vip"));

        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "ada", run.id(), null, null)));

        assertEquals(1, runsOf("vip").size(), "the repeated step fired the event it fired first");
        assertEquals(List.of("vip", "tagged"), inbox.comments.values().stream().map(c -> c.text()).toList());
        assertEquals("1", runsOf("vip").get(0).variable(RunEngine.CHAIN_DEPTH));
    }
}
