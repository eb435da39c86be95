package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunMachine;
import io.switchboard.engine.run.RunState;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.aiagent.AiAgentStep;
import io.switchboard.engine.step.aiagent.AiModel;
import io.switchboard.engine.step.askquestion.AnswerType;
import io.switchboard.engine.step.askquestion.AskQuestionStep;
import io.switchboard.engine.step.assignto.AssignToStep;
import io.switchboard.engine.step.httprequest.HttpRequestStep;
import io.switchboard.engine.step.updatecontacttag.UpdateContactTagStep;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.ContactStore.IncomingContact;
import io.switchboard.inbox.Message;
import io.switchboard.inbox.MessageStore;
import io.switchboard.inbox.Outbox;
import io.switchboard.inbox.Team;
import io.switchboard.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each row of the run state machine, driven through the engine as the product drives it, over
 * in-memory ports and a settable clock. As Temporal's state machine tests do, the class fails when a
 * declared transition was never exercised.
 */
class RunMachineTest {

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final List<WakeUpCall> armed = new ArrayList<>();
    RunEngine engine;

    /** The messages a run sends, kept in memory (the custom channel only records them). */
    final MessageStore store = new MessageStore() {
        @Override public boolean exists(String ws, String contactId, String channelId, String externalId) {
            return messages.stream().anyMatch(m -> m.externalId().equals(externalId));
        }
        @Override public boolean append(Message message) {
            return !exists(null, null, null, message.externalId()) && messages.add(message);
        }
        @Override public List<Message> list(String ws, String contactId) {
            return List.copyOf(messages);
        }
        @Override public void confirmSent(String ws, String c, String ch, String e, String platformId) {
        }
        @Override public void discardUnsent(String ws, String c, String ch, String e) {
        }
        @Override public boolean recordStatus(String ws, String c, String ch, String id,
                io.switchboard.inbox.DeliveryStatus status, Instant at, String error) {
            return false;
        }
    };

    final AiModel model = (ws, prompt) -> new AiModel.Completion("Happy to help. What is your order number?", List.of());

    @BeforeEach
    void engine() {
        inbox.directory = inbox.directory.withAgent(new Agent("carol", "Carol", null, false))
                .withTeam(new Team("night", "Night shift", List.of("carol")));
        Outbox outbox = new Outbox(inbox, store, (ws, channelId) -> Optional.empty(), clock);
        engine = new RunEngine(inbox, inbox, armed::add,
                new InboxPorts(inbox, inbox, inbox, outbox, null, store, model), clock, Duration.ofSeconds(30));
    }

    void publish(Step... steps) {
        inbox.workflows.add(new WorkflowDefinition("ws", "wf", 1, "Machine", new Trigger(TriggerType.CONVERSATION_OPENED,
                ConditionGroup.ALWAYS), List.of(steps)));
    }

    Run open(String contact) {
        inbox.recordIncoming("ws", new IncomingContact(contact, contact), "web", clock.instant(), "conv-" + contact);
        return engine.handle(new TriggerEvent("ws", TriggerType.CONVERSATION_OPENED, "conv-" + contact, contact,
                "conv-" + contact, clock.instant(), Map.of("source", "contact"))).get(0);
    }

    Run stored(Run run) {
        return inbox.runs.get(run.id());
    }

    WakeUpResult wakeLast() {
        return engine.wakeUp(armed.get(armed.size() - 1));
    }

    @Test
    void aWaitWaitsForItsTimerAndWakesUpWhenDueThenCompletes() {
        publish(new WaitStep("wait", Duration.ofMinutes(15)),
                new UpdateContactTagStep("tag", UpdateContactTagStep.Action.ADD, List.of("followed-up")));
        Run run = open("ada");
        assertEquals(RunState.WAITING_FOR_TIMER, stored(run).state());
        clock.advance(Duration.ofMinutes(14));
        assertEquals(WakeUpResult.NOT_DUE, wakeLast(), "the guard holds the run until its due time");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(WakeUpResult.RESUMED, wakeLast());
        assertEquals(RunState.COMPLETED, stored(run).state());
        assertTrue(stored(run).history().stream().anyMatch(r -> "wake_up".equals(r.stepType())));
        assertTrue(inbox.contacts.get("ada").tags().contains("followed-up"));
    }

    @Test
    void aQuestionAwaitsTheReplyWhichResumesTheRun() {
        publish(question());
        Run run = open("ben");
        assertEquals(RunState.AWAITING_REPLY, stored(run).state());
        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "ben", run.id(), new Awaiting.Reply("ben@example.com", "m-2")));
        assertEquals(RunState.COMPLETED, stored(run).state());
        assertEquals("ben@example.com", inbox.contacts.get("ben").fields().get("email"));
    }

    @Test
    void aQuestionNobodyAnswersTimesOutOnItsDueTime() {
        publish(question());
        Run run = open("cy");
        clock.advance(Duration.ofHours(1));
        assertEquals(WakeUpResult.RESUMED, wakeLast());
        assertEquals(RunState.COMPLETED, stored(run).state());
        assertTrue(stored(run).history().stream().anyMatch(r -> r.outcome().startsWith("no answer by")),
                stored(run).history().toString());
    }

    @Test
    void anAiAgentAwaitsTheContactsNextMessageForEachTurnAndTimesOut() {
        publish(agent());
        Run run = open("dee");
        assertEquals(RunState.AWAITING_AI_TURN, stored(run).state());
        assertEquals(WakeUpResult.RESUMED, engine.replied("ws", "dee", run.id(), new Awaiting.Reply("Where is it?", "m-2")));
        assertEquals(RunState.AWAITING_AI_TURN, stored(run).state(), "the agent answered and awaits the next message");
        clock.advance(Duration.ofHours(1));
        assertEquals(WakeUpResult.RESUMED, wakeLast());
        assertEquals(RunState.COMPLETED, stored(run).state());
    }

    @Test
    void aContactNobodyCanTakeIsQueuedAndOfferedAgainWithoutHistoryNoise() {
        publish(new AssignToStep("assign", AssignToStep.Action.TEAM, null, "night", AssignToStep.Logic.ROUND_ROBIN,
                true, null));
        Run run = open("eve");
        assertEquals(RunState.QUEUED_FOR_ASSIGNMENT, stored(run).state());
        int history = stored(run).history().size();
        inbox.directory = inbox.directory.withAgent(new Agent("carol", "Carol", null, true));
        clock.advance(AssignToStep.QUEUE_RECHECK);
        assertEquals(WakeUpResult.RESUMED, wakeLast());
        assertEquals(RunState.COMPLETED, stored(run).state());
        assertEquals("carol", inbox.contacts.get("eve").assigneeId());
        assertTrue(stored(run).history().stream().noneMatch(r -> "wake_up".equals(r.stepType())),
                "a re-offer is not a wake-up in the history");
        assertTrue(stored(run).history().size() > history);
    }

    @Test
    void aQueuedContactIsOfferedAtOnceWhenAnAgentOfItsTeamComesOnline() {
        publish(new AssignToStep("assign", AssignToStep.Action.TEAM, null, "night", AssignToStep.Logic.ROUND_ROBIN,
                true, null));
        Run run = open("ivy");
        assertEquals(RunState.QUEUED_FOR_ASSIGNMENT, stored(run).state());
        assertEquals(1, inbox.queued("ws", "night", 10).size(), "the contact waits in the team's queue");
        var offers = new io.switchboard.engine.assign.QueueOffers(inbox, engine);

        // no time passes: not the next minute's re-offer, the status change itself offers the contact
        assertEquals(List.of(run.id()), offers.agentCameOnline("ws", inbox.setOnline("ws", "carol", true).orElseThrow()));
        assertEquals(RunState.COMPLETED, stored(run).state());
        assertEquals("carol", inbox.contacts.get("ivy").assigneeId());
        assertEquals(List.of(), inbox.queued("ws", "night", 10), "assigned: out of the queue");
        assertEquals(WakeUpResult.ALREADY_FINISHED, wakeLast(), "the re-offer armed before changes nothing");
        assertEquals(List.of(), offers.agentCameOnline("ws", inbox.setOnline("ws", "carol", true).orElseThrow()),
                "already online: nothing offered again");
    }

    @Test
    void aStepThatCannotRunFailsTheRunWithItsReason() {
        publish(new HttpRequestStep("call", "GET", "https://crm.example.com", Map.of(), null, Duration.ofSeconds(5),
                List.of(), List.of()));
        Run run = open("fay");
        assertEquals(RunState.FAILED, stored(run).state());
        assertTrue(stored(run).history().get(stored(run).history().size() - 1).outcome().contains("HttpCalls"));
    }

    @Test
    void aRunWhoseWorkflowVersionIsGoneFailsWhenItWakes() {
        publish(new WaitStep("wait", Duration.ofMinutes(1)));
        Run run = open("gus");
        inbox.workflows.clear();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(WakeUpResult.RESUMED, wakeLast());
        assertEquals(RunState.FAILED, stored(run).state());
        assertTrue(stored(run).history().get(stored(run).history().size() - 1).outcome().contains("no longer exists"));
    }

    @Test
    void aRunWhoseProcessDiedIsTakenOverWhenItsLeaseLapses() {
        publish(new WaitStep("wait", Duration.ofMinutes(1)));
        inbox.crashOnNextSave = true; // the process dies before it checkpoints the Wait
        assertThrows(InMemoryInbox.ProcessDied.class, () -> open("hal"));
        Run run = inbox.runs.values().stream().filter(r -> r.contactId().equals("hal")).findFirst().orElseThrow();
        assertEquals(RunState.RUNNING, stored(run).state());
        WakeUpCall sweep = new WakeUpCall("ws", "hal", run.id(), null, stored(run).dueAt());
        assertEquals(WakeUpResult.NOT_DUE, engine.wakeUp(sweep), "a live lease is not taken over");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(WakeUpResult.RESUMED, engine.wakeUp(sweep));
        assertEquals(RunState.WAITING_FOR_TIMER, stored(run).state());
    }

    @Test
    void runsStoredBeforeStatesWereRecordedTakeTheirStateFromTheirStatusAndMarks() {
        assertEquals(RunState.WAITING_FOR_TIMER, RunState.of(io.switchboard.engine.run.RunStatus.WAITING, Map.of()));
        assertEquals(RunState.AWAITING_REPLY, RunState.of(io.switchboard.engine.run.RunStatus.WAITING,
                Map.of("reply.awaitedBy", "ask", "ask.deadline", "2026-12-01T10:00:00Z")));
        assertEquals(RunState.AWAITING_AI_TURN, RunState.of(io.switchboard.engine.run.RunStatus.WAITING,
                Map.of("reply.awaitedBy", "agent", "agent.deadline", "2026-12-01T10:00:00Z")));
        assertEquals(RunState.QUEUED_FOR_ASSIGNMENT, RunState.of(io.switchboard.engine.run.RunStatus.WAITING,
                Map.of("queued.assign", "2026-12-01T10:00:00Z")));
        assertEquals(RunState.RUNNING, RunState.of(io.switchboard.engine.run.RunStatus.RUNNING, Map.of()));
    }

    @Test
    void theDiagramInTheDocsIsDrawnFromTheTable() throws Exception {
        Path doc = Path.of("docs/run-states.md");
        String expected = "```mermaid\n" + RunMachine.diagram() + "```";
        if (Boolean.getBoolean("docs.write")) {
            String text = Files.readString(doc);
            int from = text.indexOf("```mermaid");
            Files.writeString(doc, text.substring(0, from) + expected + text.substring(text.indexOf("```", from + 10) + 3));
        }
        assertTrue(Files.readString(doc).contains(expected),
                "docs/run-states.md shows the table; regenerate with -Ddocs.write=true:\n" + expected);
    }

    @AfterAll
    static void everyTransitionWasExercised() {
        assertEquals(List.of(), RunMachine.unexercised().stream().map(Object::toString).toList(),
                "transitions of the run state machine no test exercised");
    }

    AskQuestionStep question() {
        return new AskQuestionStep("ask", "What is your email?", AnswerType.EMAIL, null, null, null, null, null,
                new AskQuestionStep.Save(AskQuestionStep.SaveTo.CONTACT_FIELD, "email"), Duration.ofHours(1), 2, null,
                List.of(), List.of());
    }

    AiAgentStep agent() {
        return new AiAgentStep("agent", "Help with orders", null, List.of(), null, 5, Duration.ofHours(1), List.of(),
                List.of());
    }
}
