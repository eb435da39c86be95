package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.aiagent.AiAgentStep;
import io.switchboard.engine.step.aiagent.AiModel;
import io.switchboard.engine.step.askquestion.AnswerType;
import io.switchboard.engine.step.askquestion.AskQuestionStep;
import io.switchboard.engine.step.assignto.AssignToStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.StepPath;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.QueuedContact;
import io.switchboard.inbox.Team;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs stored before the awaiting record kept what their step waited for in variables named by the step
 * ({@code reply.*}, {@code ask.*}, {@code agent.*}, {@code queued.<step>}) and had no state. They resume
 * where they were: the count of tries, turns and the queue's start carry over, and their first write
 * leaves only the record.
 */
class RunsStoredWithTheOldAwaitingVariablesTest {

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
    RunEngine engine;

    @BeforeEach
    void engine() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        inbox.directory = inbox.directory.withTeam(new Team("night", "Night shift", List.of()));
        InMemoryMessages messages = new InMemoryMessages();
        Outbox outbox = new Outbox(inbox, messages, messages, clock);
        AiModel model = (ws, prompt) -> {
            prompts.add(prompt.toString());
            return new AiModel.Completion("Let me check.", List.of());
        };
        engine = new RunEngine(inbox, inbox, call -> { }, new InboxPorts(inbox, inbox, inbox, outbox, null, messages, model),
                clock, Duration.ofSeconds(30));
    }

    /** A run as the old steps stored it: waiting on the first step, its marks in variables, no state. */
    Run stored(String contact, Step step, Instant due, Map<String, String> variables) {
        inbox.workflows.add(new WorkflowDefinition("ws", "wf-" + contact, 1, "Old", new Trigger(
                TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(step)));
        inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(), "conv-" + contact);
        Run run = new Run("ws", "run-" + contact, "wf-" + contact, 1, contact, "conv-" + contact, Map.of(),
                clock.instant().minus(Duration.ofMinutes(30)), RunStatus.WAITING, StepPath.START, 2, due, null, "t",
                clock.instant(), 0, List.of(new StepRecord(1, step.id(), step.type(), "0", clock.instant(), "asked",
                        Map.of(), List.of())), variables);
        inbox.create(run);
        return run;
    }

    Run now(Run run) {
        return inbox.runs.get(run.id());
    }

    List<String> outcomes(Run run) {
        return now(run).history().stream().map(StepRecord::outcome).toList();
    }

    static AskQuestionStep question() {
        return new AskQuestionStep("ask", "What is your email?", AnswerType.EMAIL, null, null, null, null, null,
                new AskQuestionStep.Save(AskQuestionStep.SaveTo.CONTACT_FIELD, "email"), Duration.ofHours(1), 2, null,
                List.of(), List.of());
    }

    @Test
    void aQuestionAskedOnceAgainBeforeKeepsItsCountOfTriesAndItsFirstWriteLeavesOnlyTheRecord() {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(20));
        Run run = stored("ada", question(), deadline, Map.of("reply.awaitedBy", "ask", "ask.deadline",
                deadline.toString(), "ask.invalid", "1", "reply.lastMessageId", "m-1", "answer.name", "Ada"));
        inbox.awaitReply("ws", "ada", run.id(), true);
        assertEquals(RunState.AWAITING_REPLY, run.state(), "the state is inferred from the old marks");

        assertEquals(WakeUpResult.ALREADY_FINISHED, engine.replied("ws", "ada", run.id(), new Awaiting.Reply("hm", "m-1")),
                "the message that answered before is not a second reply");
        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "ada", run.id(), new Awaiting.Reply("no idea", "m-3")));
        assertTrue(outcomes(run).contains("not an answer: \"no idea\"; asked again (2 of 2)"), outcomes(run).toString());
        Awaiting record = now(run).awaiting().orElseThrow();
        assertEquals(2, record.attempts());
        assertEquals(Awaiting.Kind.REPLY, record.kind());
        assertEquals(Map.of("answer.name", "Ada", "reply.lastMessageId", "m-3"), withoutRecord(now(run)),
                "the old marks are gone; the run's own variables stay");

        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "ada", run.id(), new Awaiting.Reply("ada@example.com", "m-4")));
        assertEquals(RunState.COMPLETED, now(run).state());
        assertEquals("ada@example.com", inbox.contacts.get("ada").fields().get("email"));
        assertTrue(inbox.contacts.get("ada").awaitingReply().isEmpty(), "the contact's next message is not an answer");
    }

    @Test
    void aQuestionNobodyAnsweredTimesOutAtTheDeadlineItWasStoredWith() {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(20));
        Run run = stored("bo", question(), deadline, Map.of("reply.awaitedBy", "ask", "ask.deadline",
                deadline.toString()));
        inbox.awaitReply("ws", "bo", run.id(), true);

        clock.advance(Duration.ofMinutes(20));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "bo", run.id(), null, deadline)));
        assertEquals(RunState.COMPLETED, now(run).state());
        assertTrue(outcomes(run).contains("no answer by " + deadline), outcomes(run).toString());
        assertTrue(inbox.contacts.get("bo").awaitingReply().isEmpty());
    }

    @Test
    void anAiAgentKeepsItsCountOfTurnsAndHandsOverAtItsLimit() {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(20));
        Run run = stored("cy", new AiAgentStep("agent", "Help with orders", null, List.of(), null, 3,
                Duration.ofHours(1), List.of(), List.of()), deadline, Map.of("reply.awaitedBy", "agent",
                "agent.since", clock.instant().minus(Duration.ofMinutes(30)).toString(), "agent.turns", "2",
                "agent.deadline", deadline.toString()));
        assertEquals(RunState.AWAITING_AI_TURN, run.state());

        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "cy", run.id(), new Awaiting.Reply("Where is it?", "m-5")));
        assertEquals(RunState.AWAITING_AI_TURN, now(run).state(), "the third turn");
        assertEquals(3, now(run).awaiting().orElseThrow().attempts());
        assertTrue(prompts.get(0).contains("Where is it?"), "the reply handed to the run reached the model");

        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "cy", run.id(), new Awaiting.Reply("Hello?", "m-6")));
        assertEquals(RunState.COMPLETED, now(run).state());
        assertTrue(outcomes(run).contains("handed over: the conversation reached 3 turns"), outcomes(run).toString());
        assertEquals(1, prompts.size(), "no turn beyond the limit");
    }

    @Test
    void aQueuedContactTimesOutCountingFromWhenItWasFirstQueuedAndLeavesThePoolsQueue() {
        Instant queuedAt = clock.instant().minus(Duration.ofMinutes(9));
        Run run = stored("dee", new AssignToStep("assign", AssignToStep.Action.TEAM, null, "night",
                AssignToStep.Logic.ROUND_ROBIN, true, null, Duration.ofMinutes(10), List.of()),
                clock.instant().plus(Duration.ofSeconds(30)), Map.of("queued.assign", queuedAt.toString()));
        inbox.enqueue("ws", "night", new QueuedContact("dee", run.id(), queuedAt));
        assertEquals(RunState.QUEUED_FOR_ASSIGNMENT, run.state());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "dee", run.id(), null, now(run).dueAt())));
        assertEquals(RunState.QUEUED_FOR_ASSIGNMENT, now(run).state(), "offered again: nobody is in the team");
        assertEquals(queuedAt, now(run).awaiting().orElseThrow().since());
        assertEquals(clock.instant().plus(Duration.ofSeconds(30)), now(run).dueAt(),
                "the next offer is at the timeout counted from the first queueing, not a minute on");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(new WakeUpCall("ws", "dee", run.id(), null, now(run).dueAt())));
        assertEquals(RunState.COMPLETED, now(run).state());
        StepRecord last = now(run).history().get(now(run).history().size() - 1);
        assertEquals("PT10M", last.details().get("queuedFor"));
        assertTrue(last.outcome().startsWith("not assigned within PT10M"), last.outcome());
        assertEquals(List.of(), inbox.queued("ws", "night", 10), "out of the team's queue");
    }

    private static Map<String, String> withoutRecord(Run run) {
        Map<String, String> rest = new java.util.TreeMap<>(run.variables());
        rest.remove("awaiting");
        return rest;
    }
}
