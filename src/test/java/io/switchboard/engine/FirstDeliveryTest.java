package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunObserver;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.assignto.AssignToStep;
import io.switchboard.engine.step.sendmessage.SendMessageStep;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Opening;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.Team;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run started by the first delivery of an event its source delivers again until answered (a
 * channel's webhook): it is stored by its first write, and only steps that repeat harmlessly run
 * before that write. The engine alone, over in-memory ports.
 */
class FirstDeliveryTest {

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final InMemoryMessages messages = new InMemoryMessages();
    final List<WakeUpCall> armed = new ArrayList<>();
    final AtomicInteger started = new AtomicInteger();
    final List<String> stepsRan = new ArrayList<>();
    RunEngine engine;

    @BeforeEach
    void wire() {
        inbox.directory = inbox.directory.withAgent(new Agent("alice", "Alice", null, true))
                .withAgent(new Agent("bob", "Bob", null, true))
                .withTeam(new Team("support", "Support", List.of("alice", "bob")));
        RunObserver countsStarts = new RunObserver() {
            @Override
            public void runStarted(Run run) {
                started.incrementAndGet();
            }

            @Override
            public void stepRan(Run run, String stepType, StepOutcome outcome, Duration took) {
                stepsRan.add(stepType + ":" + outcome.tag());
            }
        };
        engine = new RunEngine(inbox, inbox, armed::add, new InboxPorts(inbox, inbox, inbox,
                new Outbox(inbox, messages, messages, clock), null), clock, Duration.ofSeconds(30), countsStarts)
                .recognisingStoreOutages(e -> e instanceof InMemoryInbox.StoreOut);
        workflow(new AssignToStep("first", AssignToStep.Action.USER, "alice", null, AssignToStep.Logic.ROUND_ROBIN,
                false, null), new WaitStep("wait", Duration.ofMinutes(15)));
    }

    void workflow(Step... steps) {
        inbox.workflows.clear();
        inbox.workflows.add(new WorkflowDefinition("ws", "w", 1, "w",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(steps)));
    }

    TriggerEvent opened(String contact) {
        inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(), "conv-" + contact);
        return new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-" + contact, contact, "conv-" + contact,
                clock.instant(), Map.of("source", "contact"));
    }

    @Test
    void theRunIsStoredOnceByItsWaitWithTheAssignmentBeforeIt() {
        List<Run> runs = engine.handleFirstDelivery(opened("ada"), null);

        assertEquals(1, runs.size());
        assertEquals(1, inbox.runCreates, "one create");
        assertEquals(0, inbox.runSaves, "and no other run write: the create is the wait's checkpoint");
        Run stored = inbox.runs.get(runs.get(0).id());
        assertEquals(RunState.WAITING_FOR_TIMER, stored.state());
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
        assertEquals(1, armed.size());
        assertEquals(1, started.get());

        clock.advance(Duration.ofMinutes(15));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(armed.get(0)));
        assertEquals(RunStatus.COMPLETED, inbox.runs.get(stored.id()).status());
    }

    @Test
    void aProcessDyingBeforeItsRunIsStoredLeavesOnlyTheAssignmentAndTheRedeliveryFinishesItOnce() {
        TriggerEvent event = opened("ada");
        inbox.crashOnNextCreate = true;
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.handleFirstDelivery(event, null));
        assertEquals("alice", inbox.contacts.get("ada").assigneeId(), "the assignment happened before the crash");
        assertTrue(inbox.runs.isEmpty(), "no run was stored");
        int assignments = inbox.assignments;

        // the webhook was not answered: the platform delivers it again, and it finds the conversation open
        List<Run> runs = engine.handle(event, null);

        assertEquals(1, runs.size());
        assertEquals(assignments, inbox.assignments, "the repeated assignment recognised its own key");
        assertEquals(RunState.WAITING_FOR_TIMER, inbox.runs.get(runs.get(0).id()).state());
        assertEquals(1, armed.size());
        assertEquals(1, started.get());
    }

    @Test
    void aSecondDeliveryOfTheSameEventStoresNoSecondRunAndIsNotCountedAsAStart() {
        TriggerEvent event = opened("ada");
        engine.handleFirstDelivery(event, null);
        int assignments = inbox.assignments;

        // two first deliveries raced: the later one repeats the harmless steps and loses the create
        assertEquals(List.of(), engine.handleFirstDelivery(event, null));

        assertEquals(1, inbox.runs.size());
        assertEquals(assignments, inbox.assignments);
        assertEquals(1, armed.size(), "only the delivery that stored the run armed its wake-up");
        assertEquals(1, started.get());
        assertEquals(List.of("assign_to:ok", "wait:waiting"), stepsRan, "the steps of the delivery that lost are not counted");
    }

    @Test
    void aStepThatDoesNotRepeatHarmlesslyRunsOnlyOnceItsRunIsStored() {
        workflow(new SendMessageStep("hello", "Hello $contact.name", List.of()), new WaitStep("wait", Duration.ofMinutes(1)));
        TriggerEvent event = opened("ada");
        inbox.crashOnNextCreate = true;
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.handleFirstDelivery(event, null));
        assertEquals(List.of(), messages.sent, "nothing was sent before the run was stored");

        engine.handle(event, null);
        assertEquals(List.of("ada: Hello ada"), messages.sent);
        Run run = inbox.runs.values().iterator().next();
        assertEquals(RunState.WAITING_FOR_TIMER, run.state());
        assertEquals(1, inbox.runCreates);

        // without a crash, the first delivery stores its run before the send too, then writes the wait
        engine.handleFirstDelivery(opened("bea"), null);
        assertEquals(List.of("ada: Hello ada", "bea: Hello bea"), messages.sent);
        assertEquals(2, inbox.runCreates);
        assertEquals(2, inbox.runSaves, "each run's wait, which carries the checkpoint after the send");
    }

    @Test
    void aOneRunAtATimeWorkflowsRunIsStoredBeforeItsFirstStepSoItsSlotNamesARunThatExists() {
        inbox.workflows.clear();
        inbox.workflows.add(new WorkflowDefinition("ws", "w", 1, "w",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS, Map.of(), false, true), List.of(
                        new AssignToStep("first", AssignToStep.Action.USER, "alice", null, AssignToStep.Logic.ROUND_ROBIN,
                                false, null), new WaitStep("wait", Duration.ofMinutes(15)))));
        TriggerEvent event = opened("ada");
        inbox.crashOnNextSave = true;

        // the wait's write dies: the run was stored before the assignment, so the sweep can find it
        assertThrows(InMemoryInbox.ProcessDied.class, () -> engine.handleFirstDelivery(event, null));

        assertEquals(1, inbox.runCreates);
        assertEquals(RunState.RUNNING, inbox.runs.values().iterator().next().state());
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
    }

    @Test
    void aStoreOutageBeforeTheRunIsStoredFailsTheDeliveryAndStoresNoRun() {
        workflow(new AddCommentStep("note", "New conversation"), new WaitStep("wait", Duration.ofMinutes(15)));
        TriggerEvent event = opened("ada");
        inbox.outageOnNextComment = true;

        // left to the sweep, it would be lost: there is no run for the sweep to find
        assertThrows(InMemoryInbox.StoreOut.class, () -> engine.handleFirstDelivery(event, null));
        assertEquals(List.of("add_comment:error"), stepsRan, "the step that met the outage is counted as an error");
        assertTrue(inbox.runs.isEmpty());
        assertTrue(inbox.comments.isEmpty());

        engine.handle(event, null);
        assertEquals(1, inbox.runs.size());
        assertEquals(1, inbox.comments.size());
    }

    /**
     * The conversation an opening message opens, over the in-memory inbox, recording each write it makes and
     * what else was written by then; refused when told to, as a store refuses a contact that changed.
     */
    final class RecordedOpening extends Opening {
        final String contact;
        final List<String> writes = new ArrayList<>();
        boolean refuse;

        RecordedOpening(String contact) {
            super(Opening.opened("ws", inbox.contacts.get(contact), new IncomingContact(contact, contact), "web",
                    clock.instant(), "conv-" + contact));
            this.contact = contact;
        }

        TriggerEvent event() {
            return new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-" + contact, contact, "conv-" + contact,
                    clock.instant(), Map.of("source", "contact"));
        }

        private String before() {
            return "runs " + inbox.runCreates + ", comments " + inbox.comments.size() + ", enrolments "
                    + inbox.enrolments.size();
        }

        @Override
        protected Contact write() {
            if (refuse) {
                throw new Refused(conversationId());
            }
            writes.add("opening after " + before());
            return inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(),
                    "conv-" + contact);
        }

        @Override
        protected Contact writeWithAssignment(String assigneeId, String effectKey, Instant at) {
            if (refuse) {
                throw new Refused(conversationId());
            }
            writes.add("opening with " + assigneeId + " after " + before());
            inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(), "conv-" + contact);
            inbox.assign("ws", contact, assigneeId, effectKey, at);
            return inbox.contacts.get(contact);
        }
    }

    @Test
    void anOpeningIsWrittenWithTheFirstAssignmentBeforeAnythingElse() {
        RecordedOpening opening = new RecordedOpening("ada");
        assertTrue(opening.contact().hasOpenConversation(), "the workflow sees the conversation open");

        List<Run> runs = engine.handleOpening(opening.event(), opening);

        assertEquals(List.of("opening with alice after runs 0, comments 0, enrolments 0"), opening.writes);
        assertEquals(1, runs.size());
        assertEquals(1, inbox.runCreates);
        assertEquals("alice", inbox.contacts.get("ada").assigneeId());
        assertEquals("alice", opening.contact().assigneeId(), "the opening holds the contact as written");
        assertEquals(RunState.WAITING_FOR_TIMER, inbox.runs.get(runs.get(0).id()).state());
    }

    @Test
    void aCommentBeforeTheFirstAssignmentLandsTheOpeningAloneFirst() {
        workflow(new AddCommentStep("note", "New conversation"), new AssignToStep("first", AssignToStep.Action.USER,
                "bob", null, AssignToStep.Logic.ROUND_ROBIN, false, null), new WaitStep("wait", Duration.ofMinutes(15)));
        RecordedOpening opening = new RecordedOpening("bea");

        engine.handleOpening(opening.event(), opening);

        assertEquals(List.of("opening after runs 0, comments 0, enrolments 0"), opening.writes);
        assertEquals("bob", inbox.contacts.get("bea").assigneeId());
        assertEquals(1, inbox.list("ws", "bea", "conv-bea").size(), "the comment is in the opened conversation");
    }

    @Test
    void aRefusedOpeningStopsTheRunsItTriggeredWithNothingWrittenOrCounted() {
        workflow(new AddCommentStep("note", "New conversation"), new WaitStep("wait", Duration.ofMinutes(15)));
        RecordedOpening opening = new RecordedOpening("cy");
        opening.refuse = true;

        assertThrows(Opening.Refused.class, () -> engine.handleOpening(opening.event(), opening));

        assertEquals(0, inbox.runCreates);
        assertEquals(0, inbox.comments.size());
        assertTrue(!inbox.contacts.containsKey("cy"), "no contact written");
        assertEquals(List.of(), armed);
        assertEquals(0, started.get());
        assertEquals(List.of(), stepsRan, "a step that wrote nothing is not counted");
    }

    @Test
    void anOpeningIsWrittenBeforeAnEnrolmentThatNamesItsRun() {
        inbox.workflows.clear();
        inbox.workflows.add(new WorkflowDefinition("ws", "w", 1, "w",
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS, Map.of(), true),
                List.of(new AssignToStep("first", AssignToStep.Action.USER, "alice", null, AssignToStep.Logic.ROUND_ROBIN,
                        false, null), new WaitStep("wait", Duration.ofMinutes(15)))));
        RecordedOpening opening = new RecordedOpening("dee");

        engine.handleOpening(opening.event(), opening);

        assertEquals(List.of("opening after runs 0, comments 0, enrolments 0"), opening.writes,
                "landed alone, before the enrolment: an enrolment must never name a run of a conversation never opened");
        assertEquals(1, inbox.enrolments.size());
        assertEquals("alice", inbox.contacts.get("dee").assigneeId());
    }
}
