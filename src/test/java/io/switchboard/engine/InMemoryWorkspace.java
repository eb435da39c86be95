package io.switchboard.engine;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.inbox.InboxActions;
import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.InboxPorts;
import io.switchboard.engine.step.aiagent.AiModel;
import io.switchboard.engine.step.httprequest.HttpCalls;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.Trigger;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.Outbox;
import io.switchboard.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One workspace for the engine tier: the engine and the inbox over in-memory ports, a settable clock,
 * and the wake-ups the engine armed, delivered when a test moves the clock past them. Outside systems
 * (the chat model, HTTP endpoints) are whatever the test plugs in.
 */
final class InMemoryWorkspace {

    static final String WS = "ws";

    final MutableClock clock = new MutableClock();
    final InMemoryInbox inbox = new InMemoryInbox();
    final InMemoryMessages messages = new InMemoryMessages();
    final List<WakeUpCall> armed = new ArrayList<>();
    final RunEngine engine;
    final InboxActions actions;

    InMemoryWorkspace(HttpCalls http, AiModel ai) {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        Outbox outbox = new Outbox(inbox, messages, messages, clock);
        engine = new RunEngine(inbox, inbox, armed::add, new InboxPorts(inbox, inbox, inbox, outbox, http, messages, ai),
                clock, Duration.ofSeconds(30));
        actions = new InboxActions(inbox, messages, new RunTriggers(engine), clock, messages);
    }

    InMemoryWorkspace() {
        this(null, null);
    }

    /** Publishes a workflow started when a contact opens a conversation. */
    WorkflowDefinition publish(String id, Step... steps) {
        WorkflowDefinition w = new WorkflowDefinition(WS, id, 1, id,
                new Trigger(TriggerType.CONVERSATION_OPENED, ConditionGroup.ALWAYS), List.of(steps));
        inbox.workflows.add(w);
        return w;
    }

    /** The contact writes on web chat (sent a second before it is delivered); a few seconds pass. */
    void contactSays(String contactId, String messageId, String text) {
        actions.receive(WS, new InboxActions.IncomingMessage("web", messageId, contactId, contactId, text,
                clock.instant().minusSeconds(1)));
        clock.advance(Duration.ofSeconds(5));
    }

    /** The contact writes from a given channel (the web chat is {@code web}); a few seconds pass. */
    void contactSaysOn(String channelId, String contactId, String messageId, String text) {
        actions.receive(WS, new InboxActions.IncomingMessage(channelId, messageId, contactId, contactId, text,
                clock.instant().minusSeconds(1)));
        clock.advance(Duration.ofSeconds(5));
    }

    /** A person answers in the conversation from the inbox. */
    void agentReplies(String contactId, String agentId, String messageId, String text) {
        actions.reply(WS, contactId, agentId, text, messageId);
        clock.advance(Duration.ofSeconds(5));
    }

    /** Moves the clock and delivers every armed wake-up that is due by then, as the scheduler would. */
    List<WakeUpResult> passes(Duration time) {
        clock.advance(time);
        List<WakeUpResult> results = new ArrayList<>();
        for (WakeUpCall call : List.copyOf(armed)) {
            if (!call.dueAt().isAfter(clock.instant())) {
                armed.remove(call);
                results.add(engine.wakeUp(call));
            }
        }
        return results;
    }

    /** The texts the contact received, in order. */
    List<String> sentTo(String contactId) {
        String prefix = contactId + ": ";
        return messages.sent.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length())).toList();
    }

    List<String> comments() {
        return inbox.comments.values().stream().map(Comment::text).toList();
    }

    /** The contact's only run, as stored. */
    Run run(String contactId) {
        List<Run> runs = inbox.listByContact(WS, contactId);
        if (runs.size() != 1) {
            throw new AssertionError(contactId + " has " + runs.size() + " runs");
        }
        return runs.get(0);
    }

    List<String> outcomes(String contactId) {
        return run(contactId).history().stream().map(StepRecord::outcome).toList();
    }
}
