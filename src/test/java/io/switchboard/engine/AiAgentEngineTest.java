package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.Operator;
import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.aiagent.AiAgentStep;
import io.switchboard.engine.step.aiagent.AiModel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AI Agent in the engine alone: a scripted chat model, the contact's messages, and each of the agent's exits. */
class AiAgentEngineTest {

    /** The chat model: answers in the order scripted, records every prompt; with nothing scripted it is unavailable. */
    static final class ScriptedModel implements AiModel {
        final Deque<Completion> answers = new ArrayDeque<>();
        final List<Prompt> prompts = new ArrayList<>();

        ScriptedModel says(String text) {
            answers.add(new Completion(text, List.of()));
            return this;
        }

        ScriptedModel calls(String tool, Map<String, String> arguments) {
            return saysAndCalls(null, tool, arguments);
        }

        /** One answer: a text for the contact and a tool call, as models send them together. */
        ScriptedModel saysAndCalls(String text, String tool, Map<String, String> arguments) {
            answers.add(new Completion(text, List.of(new ToolCall("call-" + answers.size(), tool, arguments))));
            return this;
        }

        @Override
        public Completion complete(String workspaceId, Prompt prompt) {
            prompts.add(prompt);
            Completion next = answers.poll();
            if (next == null) {
                throw new Unavailable("the model answered 503");
            }
            return next;
        }
    }

    final ScriptedModel model = new ScriptedModel();
    final InMemoryWorkspace ws = new InMemoryWorkspace(null, model);

    static final ConditionGroup HAS_BUDGET = new ConditionGroup(ConditionGroup.Match.ALL,
            List.of(new Condition(Category.CONTACT_FIELD, "budget", Operator.EXISTS, List.of())));

    void qualify(int maxTurns) {
        qualify(maxTurns, "Qualified: budget $contact.budget");
    }

    void qualify(int maxTurns, String afterwards) {
        ws.publish("qualify", new AiAgentStep("agent", "Ask $contact.name for their monthly budget.", null,
                        List.of("budget"), HAS_BUDGET, maxTurns, Duration.ofHours(2),
                        List.of(new AddCommentStep("handover", "AI handed over: $ai.handover_reason")),
                        List.of(new AddCommentStep("quiet", "$contact.name went quiet"))),
                new AddCommentStep("qualified", afterwards));
    }

    List<String> roles(AiModel.Prompt prompt) {
        return prompt.messages().stream().map(t -> t.role() + ": " + t.content()).toList();
    }

    @Test
    void theAgentAnswersEachMessageSavesWhatItLearnsAndGoesOnWhenTheExitConditionHolds() {
        qualify(10);
        model.says("Hello! What is your monthly budget?");
        ws.contactSays("ada", "m-1", "Hi, I would like a quote");
        model.calls("save_contact_field", Map.of("field", "budget", "value", " 5000 ")).says("Thank you!");
        ws.contactSays("ada", "m-2", "About 5000 a month");

        assertEquals(List.of("Hello! What is your monthly budget?", "Thank you!"), ws.sentTo("ada"));
        assertEquals("5000", ws.inbox.find("ws", "ada").orElseThrow().fields().get("budget"));
        assertEquals(List.of("Qualified: budget 5000"), ws.comments());
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        assertEquals(Set.of(), ws.inbox.find("ws", "ada").orElseThrow().awaitingReply());

        AiModel.Prompt second = model.prompts.get(1);
        assertTrue(second.messages().get(0).content().startsWith("Ask ada for their monthly budget."));
        assertEquals(List.of("user: Hi, I would like a quote", "assistant: Hello! What is your monthly budget?",
                "user: About 5000 a month"), roles(second).subList(1, 4), "the conversation so far, in order");
        assertEquals(List.of("handover_to_human", "finish", "save_contact_field"),
                second.tools().stream().map(AiModel.Tool::name).toList());
    }

    @Test
    void aFieldTheStepDoesNotListIsNotSavedAndTheModelIsToldSo() {
        qualify(10);
        model.calls("save_contact_field", Map.of("field", "password", "value", "hunter2")).says("Noted.");
        ws.contactSays("ada", "m-1", "My password is hunter2");

        assertEquals(Map.of(), ws.inbox.find("ws", "ada").orElseThrow().fields());
        AiModel.Turn toolResult = model.prompts.get(1).messages().get(model.prompts.get(1).messages().size() - 1);
        assertEquals("tool", toolResult.role());
        assertEquals("not saved: field must be one of [budget]", toolResult.content());
        assertEquals(RunStatus.WAITING, ws.run("ada").status(), "the agent waits for the next message");
    }

    @Test
    void whenTheModelHandsOverTheHandoverStepsRunWithItsReasonAndTheRunEnds() {
        qualify(10);
        model.says("Let me check.");
        ws.contactSays("ada", "m-1", "Hi");
        model.saysAndCalls("A colleague will take over.", "handover_to_human",
                Map.of("reason", "the contact wants to negotiate a discount"));
        ws.contactSays("ada", "m-2", "Can I get a discount?");

        assertEquals(List.of("Let me check.", "A colleague will take over."), ws.sentTo("ada"));
        assertEquals(List.of("AI handed over: the contact wants to negotiate a discount"), ws.comments());
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        ws.contactSays("ada", "m-3", "Hello?");
        assertEquals(2, model.prompts.size(), "the model is not asked for a text after it handed over, nor later");
    }

    @Test
    void whenTheModelFinishesTheStepsAfterTheAgentRunWithItsSummary() {
        qualify(10, "Done: $ai.summary");
        model.saysAndCalls("Thanks, bye!", "finish", Map.of("summary", "budget is unknown but the lead is warm"));
        ws.contactSays("ada", "m-1", "Just browsing, thanks");

        assertEquals(List.of("Thanks, bye!"), ws.sentTo("ada"));
        assertEquals(List.of("Done: budget is unknown but the lead is warm"), ws.comments());
    }

    @Test
    void afterMaxTurnsTheAgentHandsOverWithoutAskingTheModelAgain() {
        qualify(2);
        model.says("Turn one").says("Turn two");
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "Hmm");
        ws.contactSays("ada", "m-3", "Still here");

        assertEquals(List.of("Turn one", "Turn two"), ws.sentTo("ada"));
        assertEquals(2, model.prompts.size());
        assertEquals(List.of("AI handed over: the conversation reached 2 turns"), ws.comments());
    }

    @Test
    void aContactWhoDoesNotWriteWithinTheTimeoutTakesTheTimeoutSteps() {
        qualify(10);
        model.says("What is your budget?");
        ws.contactSays("ada", "m-1", "Hi");
        ws.passes(Duration.ofMinutes(119));
        assertEquals(List.of(), ws.comments());
        ws.passes(Duration.ofMinutes(1));

        assertEquals(List.of("ada went quiet"), ws.comments());
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        assertEquals(Set.of(), ws.inbox.find("ws", "ada").orElseThrow().awaitingReply());
    }

    @Test
    void aModelThatCannotAnswerHandsOverToAPersonAndSaysWhy() {
        qualify(10);
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of(), ws.sentTo("ada"));
        assertEquals(List.of("AI handed over: the AI model could not answer: the model answered 503"), ws.comments());
    }

    @Test
    void aPersonReplyingInTheConversationStopsTheAgentQuietly() {
        qualify(10);
        model.says("What is your budget?").says("never used");
        ws.contactSays("ada", "m-1", "Hi");
        ws.agentReplies("ada", "sam", "a-1", "Hi Ada, Sam here, I will help you.");
        ws.contactSays("ada", "m-2", "Great, thanks Sam");

        assertEquals(1, model.prompts.size(), "the model was not asked after the person replied");
        assertEquals(List.of(), ws.comments(), "no exit path runs: the person has it");
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        assertEquals("stopped: a person replied in the conversation",
                ws.outcomes("ada").get(ws.outcomes("ada").size() - 1));
    }
}
