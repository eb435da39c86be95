package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.support.ChatModelServer;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AI Agent: the workspace's chat model answers the contact turn by turn, saves what it learns, and
 * exits when its objective is met, hands over to a person, or the contact goes quiet.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class AiAgentTest {

    static final ChatModelServer model = new ChatModelServer();

    @Inject
    MutableClock clock;

    Workspace ws;

    @BeforeEach
    void workspace() {
        model.reset();
        ws = Workspace.create().connectChannel().user("sam", true).team("sales", "sam");
        model.connect(ws);
    }

    static final String QUALIFY = """
        {"name": "Qualify by budget", "trigger": {"type": "conversation_opened"},
         "steps": [
           {"id": "agent", "type": "ai_agent",
            "instructions": "You qualify leads for Acme. Ask $contact.firstname for their monthly budget.",
            "fields": ["budget"], "maxTurns": %d, "timeout": "PT2H",
            "exitWhen": {"conditions": [{"category": "contact_field", "field": "budget", "operator": "exists"}]},
            "onHandover": [{"type": "assign_to", "action": "team", "teamId": "sales"},
                           {"type": "add_comment", "text": "AI handed over: $ai.handover_reason"}],
            "onTimeout": [{"type": "close_conversation"}]},
           {"type": "add_comment", "text": "Qualified: budget $contact.budget"}]}
        """;

    void says(String contact, String messageId, String text) {
        ws.deliver("{\"contact\":{\"id\":\"" + contact + "\",\"name\":\"Ada Lovelace\"},\"message\":{\"id\":\"" + messageId
                + "\",\"text\":\"" + text + "\",\"time\":\"" + clock.instant().minusSeconds(1) + "\"}}").then().statusCode(200);
        clock.advance(Duration.ofSeconds(5));
    }

    @Test
    void theAgentAnswersSavesWhatItLearnsAndExitsWhenTheObjectiveIsMet() {
        ws.publish(QUALIFY.formatted(10));
        model.says("Hello Ada! What is your monthly budget?");
        says("ada", "m-1", "Hi, I would like a quote");

        assertEquals("Hello Ada! What is your monthly budget?", texts("ada").get(1));
        ChatModelServer.Received first = model.received().get(0);
        assertEquals("/v1/chat/completions", first.path());
        assertEquals("Bearer sk-test-secret-123", first.authorization());
        assertEquals("gpt-test", first.body().get("model").asText());
        JsonNode messages = first.body().get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertTrue(messages.get(0).get("content").asText().startsWith("You qualify leads for Acme. Ask Ada for their monthly budget."));
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals("Hi, I would like a quote", messages.get(1).get("content").asText());
        assertEquals(2, messages.size());
        List<String> tools = new ArrayList<>();
        first.body().get("tools").forEach(t -> tools.add(t.get("function").get("name").asText()));
        assertEquals(List.of("handover_to_human", "finish", "save_contact_field"), tools);
        assertEquals("budget", first.body().get("tools").get(2).get("function").get("parameters").get("properties")
                .get("field").get("enum").get(0).asText());

        model.says(null, Map.of("save_contact_field", Map.of("field", "budget", "value", "2000 EUR")))
                .says("Thank you, a colleague will send you a quote.");
        says("ada", "m-2", "About 2000 euros a month");

        assertEquals("2000 EUR", contact("ada").getString("fields.budget"));
        assertEquals("Thank you, a colleague will send you a quote.", texts("ada").get(3));
        assertEquals("Qualified: budget 2000 EUR", ws.conversation("ada").getString("comments[0].text"));
        assertEquals("completed", ws.runs("ada").getString("runs[0].status"));

        JsonNode second = model.received().get(1).body().get("messages");
        assertEquals(List.of("system", "user", "assistant", "user"), roles(second));
        JsonNode third = model.received().get(2).body().get("messages");
        assertEquals(List.of("system", "user", "assistant", "user", "assistant", "tool"), roles(third));
        assertEquals(third.get(4).get("tool_calls").get(0).get("id").asText(), third.get(5).get("tool_call_id").asText());
        assertEquals("saved", third.get(5).get("content").asText());
        assertEquals(3, model.received().size());
    }

    @Test
    void askedForAPersonTheAgentHandsOverThroughTheHandoverSteps() {
        ws.publish(QUALIFY.formatted(10));
        model.says("Hello! What is your budget?");
        says("bo", "m-1", "Hi");
        model.says("Of course, connecting you with a colleague.",
                Map.of("handover_to_human", Map.of("reason", "the contact asked for a person")));
        says("bo", "m-2", "I want to talk to a human");

        assertEquals("Of course, connecting you with a colleague.", texts("bo").get(3));
        assertEquals("sam", ws.assignee("bo"));
        assertEquals("AI handed over: the contact asked for a person", ws.conversation("bo").getString("comments[0].text"));
        says("bo", "m-3", "Hello?");
        assertEquals(2, model.received().size(), "after the handover the agent is out of the conversation");
    }

    @Test
    void aModelThatRefusesHandsOverToAPersonWithTheReason() {
        ws.publish(QUALIFY.formatted(10));
        model.fails(401, "Incorrect API key provided");
        says("cy", "m-1", "Hi");

        assertEquals("sam", ws.assignee("cy"));
        assertEquals("AI handed over: the AI model could not answer: the model endpoint answered 401: Incorrect API key provided",
                ws.conversation("cy").getString("comments[0].text"));
        assertEquals(1, texts("cy").size(), "nothing was sent to the contact");
    }

    @Test
    void withoutAModelConfiguredOrOnARefusedAddressAPersonTakesOver() {
        ws.api().delete("/api/v1/integrations/ai").then().statusCode(200);
        ws.publish(QUALIFY.formatted(10));
        says("di", "m-1", "Hi");
        assertTrue(ws.conversation("di").getString("comments[0].text").contains("no AI model is configured"));

        ChatModelServer.connect(ws, model.baseUrl());
        ws.api().body(Map.of("allowPrivateHttpTargets", false)).put("/api/v1/workspace/settings").then().statusCode(200);
        ws.close("di");
        says("di", "m-2", "Hi again");
        assertTrue(ws.conversation("di").getString("comments[0].text").contains("refused"),
                ws.conversation("di").getString("comments[0].text"));
        assertEquals(List.of(), model.received());
    }

    @Test
    void theTurnLimitHandsOverWithoutAskingTheModelAgain() {
        ws.publish(QUALIFY.formatted(1));
        model.says("What is your budget?");
        says("ed", "m-1", "Hi");
        says("ed", "m-2", "Why do you ask?");
        assertEquals("AI handed over: the conversation reached 1 turns", ws.conversation("ed").getString("comments[0].text"));
        assertEquals(1, model.received().size());
    }

    @Test
    void aContactWhoStopsWritingTakesTheTimeoutPath() {
        ws.publish(QUALIFY.formatted(10));
        model.says("What is your budget?");
        says("flo", "m-1", "Hi");
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        Workspace.sweep();
        assertEquals("closed", ws.conversation("flo").getString("status"));
    }

    @Test
    void whenAPersonRepliesTheAgentStepsAside() {
        ws.publish(QUALIFY.formatted(10));
        model.says("What is your budget?");
        says("gil", "m-1", "Hi");
        ws.agentReplies("gil", "sam", "Hi Gil, Sam here, I will take it from here.");
        clock.advance(Duration.ofSeconds(5));
        says("gil", "m-2", "Great, thanks Sam");

        assertEquals(1, model.received().size());
        JsonPath run = ws.runs("gil");
        assertEquals("completed", run.getString("runs[0].status"));
        List<Map<String, Object>> history = run.getList("runs[0].history");
        assertEquals("stopped: a person replied in the conversation", history.get(history.size() - 1).get("outcome"));
    }

    @Test
    void theApiKeyIsNeverShownAndBadSettingsAreRefusedByPath() {
        JsonPath shown = ws.api().get("/api/v1/integrations/ai").then().statusCode(200).extract().jsonPath();
        assertEquals("********", shown.getString("apiKey"));
        assertEquals("gpt-test", shown.getString("model"));
        JsonPath refused = ws.api().body(Map.of("baseUrl", "not a url", "model", "gpt-test"))
                .put("/api/v1/integrations/ai").then().statusCode(400).extract().jsonPath();
        assertEquals(List.of("$.baseUrl", "$.apiKey"), refused.getList("problems.path").stream().sorted(
                (a, b) -> -((String) a).compareTo((String) b)).toList());

        ws.publish(QUALIFY.formatted(10));
        model.says("What is your budget?");
        says("hal", "m-1", "Hi");
        assertFalse(ws.runs("hal").prettify().contains("sk-test-secret-123"));
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asText()));
        return roles;
    }

    private JsonPath contact(String id) {
        return ws.api().get("/api/v1/contacts/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> texts(String contactId) {
        return ws.messages(contactId).getList("messages.text");
    }
}
