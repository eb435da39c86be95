package io.switchboard.engine.step.aiagent;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.step.Await;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.condition.ConditionEvaluator;
import io.switchboard.engine.condition.Facts;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Message;
import io.switchboard.inbox.OutboundSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an AI Agent in turns, one per contact message, like a question asked again and again: each turn
 * sends the conversation so far to the model, applies the tools it called, sends its answer (keyed by
 * the turn's effect key, so a repeated turn sends once) and waits for the contact's next message.
 * The transcript is read from the conversation's stored messages, never kept in the run.
 */
public final class AiAgentHandler implements StepHandler<AiAgentStep> {

    /** Readable by later steps: why the agent handed over, and its summary when it finished. */
    public static final String VARIABLE_PREFIX = "ai.";
    static final String HANDOVER_REASON = "ai.handover_reason";
    static final String SUMMARY = "ai.summary";
    /** Model calls within one turn: a tool result goes back to the model for its answer. */
    private static final int MAX_ROUNDS = 3;
    private static final int TRANSCRIPT_MESSAGES = 30;

    static final String HANDOVER = "handover_to_human";
    static final String FINISH = "finish";
    static final String SAVE_FIELD = "save_contact_field";

    private final ConditionEvaluator evaluator = new ConditionEvaluator();

    @Override
    public StepResult run(AiAgentStep step, StepContext ctx) {
        Run run = ctx.run();
        Await await = Await.aiTurn(ctx, step);
        Awaiting.Reply reply = await.takeReply();
        if (await.started() && reply == null) {
            if (!await.deadlinePassed()) {
                return await.stillWaiting("waiting for the contact");
            }
            return await.leaveBy("onTimeout", "the contact did not write for " + step.timeout(), "", "", Map.of());
        }
        Contact contact = ctx.contact();
        if (!contact.hasOpenConversation()) {
            return await.end("stopped: the conversation is closed", Map.of());
        }
        List<Message> messages = ctx.inbox().messages().list(run.workspaceId(), run.contactId()).stream()
                .filter(m -> contact.conversation().id().equals(m.conversationId())).toList();
        Instant since = await.since();
        if (messages.stream().anyMatch(m -> m.direction() == Message.Direction.OUTGOING
                && !m.authorId().startsWith("workflow:") && !m.sentAt().isBefore(since))) {
            return await.end("stopped: a person replied in the conversation", Map.of());
        }
        int turns = await.attempts();
        if (turns >= step.maxTurns()) {
            return handover(await, ctx, "the conversation reached " + step.maxTurns() + " turns",
                    new LinkedHashMap<>());
        }
        return turn(step, ctx, await, transcript(step, ctx, messages, reply), turns + 1);
    }

    private StepResult turn(AiAgentStep step, StepContext ctx, Await await, List<AiModel.Turn> conversation,
            int turn) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("turn", String.valueOf(turn));
        List<String> said = new ArrayList<>();
        Map<String, String> saved = new LinkedHashMap<>();
        String handover = null;
        String finished = null;
        try {
            for (int round = 0; round < MAX_ROUNDS && handover == null && finished == null; round++) {
                AiModel.Completion completion = ctx.inbox().ai().complete(ctx.run().workspaceId(),
                        new AiModel.Prompt(step.model(), conversation, tools(step)));
                if (completion.content() != null && !completion.content().isBlank()) {
                    said.add(completion.content().strip());
                }
                if (completion.toolCalls().isEmpty()) {
                    break;
                }
                conversation.add(new AiModel.Turn("assistant", completion.content(), completion.toolCalls(), null));
                for (AiModel.ToolCall call : completion.toolCalls()) {
                    String result;
                    switch (call.name()) {
                        case HANDOVER -> {
                            handover = call.arguments().getOrDefault("reason", "the contact asked for a person");
                            result = "handed over";
                        }
                        case FINISH -> {
                            finished = call.arguments().getOrDefault("summary", "");
                            result = "finished";
                        }
                        case SAVE_FIELD -> result = saveField(step, call, saved);
                        default -> result = "there is no tool " + call.name();
                    }
                    conversation.add(new AiModel.Turn("tool", result, List.of(), call.id()));
                }
            }
        } catch (AiModel.Unavailable e) {
            details.put("error", e.getMessage());
            return handover(await, ctx, "the AI model could not answer: " + e.getMessage(), details);
        }
        if (!saved.isEmpty()) {
            details.put("saved", String.join(", ", saved.keySet()));
            ContactStore.FieldsChange change = ctx.inbox().contacts().changeFields(ctx.run().workspaceId(),
                    ctx.run().contactId(), saved, ctx.effectKey(), ctx.now());
            ctx.contactChanged(change.contact());
            ContactEvents.of(ctx.run().workspaceId(), change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
        }
        if (!said.isEmpty()) {
            String text = String.join("\n\n", said);
            details.put("text", text);
            try {
                ctx.inbox().outbox().send(ctx.run().workspaceId(), ctx.contact(), "workflow:" + ctx.workflow().id(),
                        text, ctx.effectKey()).ifPresent(ctx::contactChanged);
            } catch (OutboundSender.SendFailed refused) {
                details.put("error", refused.code());
                return handover(await, ctx, "the answer could not be sent: " + refused.getMessage(), details);
            }
        }
        if (handover != null) {
            return handover(await, ctx, handover, details);
        }
        boolean exitHolds = step.exitWhen() != null && evaluator.evaluate(step.exitWhen(),
                new Facts(ctx.contact(), ctx.directory(), ctx.now(), ctx.run().triggerData(),
                        Facts.runVariables(ctx.run().triggerData(), ctx.run().variables()))).matched();
        if (finished != null || exitHolds) {
            ctx.run().setVariable(SUMMARY, finished == null || finished.isBlank() ? null : finished);
            return await.leave(finished != null ? "finished: " + finished : "the exit condition holds", details);
        }
        return await.until(ctx.now().plus(step.timeout()), turn, null,
                said.isEmpty() ? "waiting for the contact" : "answered", details, true);
    }

    /** The model sees its instructions, then the conversation: the contact as user, the business as assistant. */
    private static List<AiModel.Turn> transcript(AiAgentStep step, StepContext ctx, List<Message> messages,
            Awaiting.Reply reply) {
        List<AiModel.Turn> turns = new ArrayList<>();
        Contact contact = ctx.contact();
        turns.add(AiModel.Turn.of("system", Variables.of(ctx).render(step.instructions())
                + "\n\nYou are writing to " + (contact.name() == null ? "a contact" : contact.name())
                + " in a messaging app: answer briefly, in the contact's language. Call " + HANDOVER
                + " when the contact asks for a person or you cannot help, and " + FINISH
                + " when the objective above is reached."
                + (step.fields().isEmpty() ? "" : " Call " + SAVE_FIELD + " for each of these details the contact gives: "
                        + String.join(", ", step.fields()) + ".")));
        List<Message> recent = messages.subList(Math.max(0, messages.size() - TRANSCRIPT_MESSAGES), messages.size());
        boolean contactSpoke = false;
        for (Message m : recent) {
            boolean incoming = m.direction() == Message.Direction.INCOMING;
            contactSpoke |= incoming;
            turns.add(AiModel.Turn.of(incoming ? "user" : "assistant", m.text()));
        }
        // the message that resumed the run, or that opened the conversation, is stored after the run handled it
        if (reply != null && recent.stream().noneMatch(m -> reply.messageId() != null
                && reply.messageId().equals(m.externalId()))) {
            turns.add(AiModel.Turn.of("user", reply.text()));
        } else if (reply == null && !contactSpoke && ctx.run().triggerData().get("message") != null) {
            turns.add(AiModel.Turn.of("user", ctx.run().triggerData().get("message")));
        }
        return turns;
    }

    private static List<AiModel.Tool> tools(AiAgentStep step) {
        List<AiModel.Tool> tools = new ArrayList<>();
        tools.add(new AiModel.Tool(HANDOVER, "Hand the conversation over to a human agent.",
                Map.of("reason", "why a person should take over, in one sentence"), Map.of()));
        tools.add(new AiModel.Tool(FINISH, "The objective in your instructions is reached; end your part.",
                Map.of("summary", "what was achieved, in one sentence, for the team"), Map.of()));
        if (!step.fields().isEmpty()) {
            tools.add(new AiModel.Tool(SAVE_FIELD, "Save a detail the contact gave to their contact record.",
                    Map.of("field", "which detail", "value", "the value, as the contact gave it"),
                    Map.of("field", step.fields())));
        }
        return tools;
    }

    private static String saveField(AiAgentStep step, AiModel.ToolCall call, Map<String, String> saved) {
        String field = call.arguments().get("field");
        String value = call.arguments().get("value");
        if (field == null || !step.fields().contains(field)) {
            return "not saved: field must be one of " + step.fields();
        }
        if (value == null || value.isBlank() || value.length() > 1000) {
            return "not saved: give a value of 1 to 1000 characters";
        }
        saved.put(field, value.strip());
        return "saved";
    }

    private static StepResult handover(Await await, StepContext ctx, String reason, Map<String, String> details) {
        ctx.run().setVariable(HANDOVER_REASON, reason);
        details.put("reason", reason);
        return await.leaveBy("onHandover", "handed over: " + reason, "", "", details);
    }
}
