package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
 * Ask a Question: the question goes to the contact, and the contact's next message resumes the run
 * as its answer, with no timer involved; invalid replies are asked again, silence takes the timeout
 * path.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class AskQuestionTest {

    @Inject
    MutableClock clock;

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = Workspace.create().connectChannel();
    }

    static final String COLLECT_EMAIL = """
        {"name": "Collect email", "trigger": {"type": "conversation_opened"},
         "steps": [
           {"id": "email", "type": "ask_question", "question": "Hi $contact.firstname, what is your email?",
            "answerType": "email", "saveTo": "contact_field", "saveAs": "email", "timeout": "PT1H", "retries": 1,
            "invalidMessage": "Hmm, that is not an email address.",
            "onTimeout": [{"type": "add_comment", "text": "No email from $contact.name"}],
            "onInvalid": [{"type": "add_comment", "text": "Could not read an email from $contact.name"}]},
           {"id": "thanks", "type": "send_message", "text": "Thanks! We will write to $answer.email."}]}
        """;

    @Test
    void aValidReplyIsSavedToTheContactAndTheRunGoesOn() {
        ws.publish(COLLECT_EMAIL);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        assertEquals("Hi Ada, what is your email?", texts("ada").get(1));
        assertEquals("waiting", ws.runs("ada").getString("runs[0].status").toLowerCase());

        ws.contactSays("ada", "m-2", "  Ada@Example.COM ").then().statusCode(200);

        assertEquals("ada@example.com", contact("ada").getString("fields.email"));
        assertEquals("Thanks! We will write to ada@example.com.", texts("ada").get(3));
        JsonPath run = ws.runs("ada");
        assertEquals("completed", run.getString("runs[0].status").toLowerCase());
        assertEquals(List.of("asked", "answered \"ada@example.com\"", "message sent"), outcomes(run));
        assertEquals(0, contact("ada").getInt("awaitingReply"), "the contact's next message is no answer any more");
    }

    @Test
    void anInvalidReplyIsExplainedAndAskedAgainThenTheInvalidPathRuns() {
        ws.publish(COLLECT_EMAIL);
        ws.contactSays("bo", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("bo", "m-2", "my email is secret").then().statusCode(200);

        assertEquals("Hmm, that is not an email address.\n\nHi Bo, what is your email?", texts("bo").get(3));
        assertEquals("waiting", ws.runs("bo").getString("runs[0].status").toLowerCase());

        ws.contactSays("bo", "m-3", "still no").then().statusCode(200);

        JsonPath run = ws.runs("bo");
        assertEquals("completed", run.getString("runs[0].status").toLowerCase());
        assertEquals("Could not read an email from Bo", ws.conversation("bo").getString("comments[0].text"));
        assertEquals(null, contact("bo").getString("fields.email"));
        assertEquals(5, texts("bo").size(), "three replies, the question and the question again; nothing after");
    }

    @Test
    void silenceUntilTheTimeoutTakesTheTimeoutPathAndLaterMessagesAreNotAnswers() {
        ws.publish(COLLECT_EMAIL);
        ws.contactSays("cy", "m-1", "Hi").then().statusCode(200);
        clock.advance(Duration.ofMinutes(59));
        Workspace.sweep();
        assertEquals("waiting", ws.runs("cy").getString("runs[0].status").toLowerCase());

        clock.advance(Duration.ofMinutes(2));
        Workspace.sweep();
        assertEquals("No email from Cy", ws.conversation("cy").getString("comments[0].text"));
        assertEquals("completed", ws.runs("cy").getString("runs[0].status").toLowerCase());

        ws.contactSays("cy", "m-2", "cy@example.com").then().statusCode(200);
        assertEquals(null, contact("cy").getString("fields.email"), "the question was over");
        assertEquals(3, texts("cy").size());
    }

    @Test
    void theSameReplyDeliveredAgainOrConcurrentlyAnswersOnce() throws Exception {
        ws.publish(COLLECT_EMAIL);
        ws.contactSays("di", "m-1", "Hi").then().statusCode(200);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> ws.contactSays("di", "m-2", "di@example.com").then().statusCode(200));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        ws.contactSays("di", "m-2", "di@example.com").then().statusCode(200);

        assertEquals(List.of("Hi", "Hi Di, what is your email?", "Thanks! We will write to di@example.com.",
                "di@example.com"), texts("di").stream().sorted().toList(), "one reply stored, one thank-you sent");
        assertEquals(List.of("asked", "answered \"di@example.com\"", "message sent"), outcomes(ws.runs("di")));
    }

    @Test
    void aMenuIsAnsweredByNumberOrTextAndItsChoiceTaggedForABranch() {
        ws.user("sam", true).user("tess", true).team("sales", "sam").team("support", "tess");
        ws.publish("""
            {"name": "Chat menu", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "menu", "type": "ask_question", "question": "How can we help?", "answerType": "multiple_choice",
                "options": ["Sales", "Support"], "saveTo": "tag"},
               {"id": "route", "type": "branch", "branches": [
                 {"name": "Sales", "conditions": [{"category": "contact_tag", "operator": "has_any_of", "values": ["Sales"]}],
                  "steps": [{"type": "assign_to", "action": "team", "teamId": "sales"}]}],
                "else": [{"type": "assign_to", "action": "team", "teamId": "support"}]}]}
            """);
        ws.contactSays("ed", "m-1", "Hi").then().statusCode(200);
        assertEquals("How can we help?\\n1. Sales\\n2. Support".replace("\\n", "\n"), texts("ed").get(1));
        ws.contactSays("ed", "m-2", "1").then().statusCode(200);
        assertEquals("sam", ws.assignee("ed"));
        assertTrue(contact("ed").getList("tags").contains("Sales"));

        ws.contactSays("flo", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("flo", "m-2", "support").then().statusCode(200);
        assertEquals("tess", ws.assignee("flo"));
    }

    @Test
    void aNumberSavedAsAVariableIsUsedByLaterSteps() {
        ws.publish("""
            {"name": "Budget", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "budget", "type": "ask_question", "question": "Your monthly budget in euros?",
                "answerType": "number", "min": 100, "saveTo": "variable", "saveAs": "budget"},
               {"type": "add_comment", "text": "Budget: $answer.budget EUR"}]}
            """);
        ws.contactSays("gil", "m-1", "Hi").then().statusCode(200);
        ws.contactSays("gil", "m-2", "50").then().statusCode(200);
        assertEquals("Please reply with a number of at least 100.\n\nYour monthly budget in euros?", texts("gil").get(3));
        ws.contactSays("gil", "m-3", "2500,50").then().statusCode(200);
        assertEquals("Budget: 2500.5 EUR", ws.conversation("gil").getString("comments[0].text"));
    }

    @Test
    void aQuestionRefusedByTheSchemaIsExplainedByPath() {
        JsonPath problems = ws.api().body("""
            {"name": "Bad", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "ask_question", "question": "How old?", "answerType": "number", "min": 10, "max": 5,
                        "timeout": "PT30S"}]}
            """).post("/api/v1/workflows").then().statusCode(422).extract().jsonPath();
        List<String> paths = problems.getList("problems.path");
        assertTrue(paths.contains("$.steps[0].max"), paths.toString());
        assertTrue(paths.contains("$.steps[0].timeout"), paths.toString());
    }

    private JsonPath contact(String id) {
        return ws.api().get("/api/v1/contacts/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> texts(String contactId) {
        return ws.messages(contactId).getList("messages.text");
    }

    private static List<String> outcomes(JsonPath run) {
        List<Map<String, Object>> history = run.getList("runs[0].history");
        return history.stream().map(h -> (String) h.get("outcome")).toList();
    }
}
