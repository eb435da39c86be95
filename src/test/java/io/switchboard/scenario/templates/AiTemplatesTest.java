package io.switchboard.scenario.templates;

import static io.switchboard.scenario.templates.Installs.fieldsOf;
import static io.switchboard.scenario.templates.Installs.install;
import static io.switchboard.scenario.templates.Installs.sentTo;
import static io.switchboard.scenario.templates.Installs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.ChatModelServer;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AI Agent templates, against a local server speaking the chat-completions API with tool calls. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class AiTemplatesTest {

    static final ChatModelServer model = new ChatModelServer();

    @Inject
    MutableClock clock;

    Workspace ws;

    @BeforeEach
    void workspace() {
        model.reset();
        ws = Workspace.create().user("sam", true).user("sue", true).team("sales", "sam").team("support", "sue");
        model.connect(ws);
    }

    /** Contact messages a few seconds apart, as a conversation is. */
    void says(String contact, String messageId, String text) {
        ws.contactSays(contact, messageId, text).then().statusCode(200);
        clock.advance(Duration.ofSeconds(5));
    }

    String systemPrompt(int request) {
        return model.received().get(request).body().get("messages").get(0).get("content").asText();
    }

    @Test
    void theAgentCollectsEmailAndPhoneThenTheTeamTakesOverWithANote() {
        install(ws, "ai-collect-contact-info", Map.of("businessName", "Acme", "teamId", "support"));
        model.says("Hi Ada! What is your email address?");
        says("ada", "m-1", "Hi, I need help with my order");
        model.says(null, Map.of("save_contact_field", Map.of("field", "email", "value", "ada@example.com")))
                .says("Thanks! And your phone number?");
        says("ada", "m-2", "ada@example.com");
        model.says(null, Map.of("save_contact_field", Map.of("field", "phone", "value", "+351912345678")))
                .says("Thank you, an agent will be with you shortly.");
        says("ada", "m-3", "+351 912 345 678");

        assertTrue(systemPrompt(0).startsWith("You work for Acme. Greet Ada warmly"), systemPrompt(0));
        assertEquals(List.of("Hi Ada! What is your email address?", "Thanks! And your phone number?",
                "Thank you, an agent will be with you shortly."), sentTo(ws, "ada"));
        assertEquals(Map.of("email", "ada@example.com", "phone", "+351912345678"), fieldsOf(ws, "ada"));
        assertEquals("sue", ws.assignee("ada"));
        assertEquals(List.of("AI collected email ada@example.com and phone +351912345678"),
                ws.conversation("ada").getList("comments.text"));
    }

    @Test
    void aLeadAboveTheMinimumIsTaggedAndGoesToSalesAndOneBelowIsToldPolitely() {
        install(ws, "ai-qualify-budget", Map.of("businessName", "Acme Solar", "minimumBudget", "1000 EUR per month",
                "salesTeamId", "sales"));
        model.says("Hello! What is your monthly budget?");
        says("ada", "m-1", "I want solar panels");
        model.says(null, Map.of("save_contact_field", Map.of("field", "budget", "value", "2000 EUR")))
                .says(null, Map.of("save_contact_field", Map.of("field", "budget_fit", "value", "qualified")));
        model.says("Great, a colleague will contact you.");
        says("ada", "m-2", "About 2000 EUR a month");

        assertTrue(systemPrompt(0).contains("at least 1000 EUR per month"), systemPrompt(0));
        assertEquals("qualified", fieldsOf(ws, "ada").get("budget_fit"));
        assertEquals(List.of("hot-lead"), tags(ws, "ada"));
        assertEquals("sam", ws.assignee("ada"));
        assertEquals(List.of("Qualified lead: budget 2000 EUR"), ws.conversation("ada").getList("comments.text"));

        model.reset();
        model.says("Hello! What is your monthly budget?");
        says("ben", "m-1", "Just looking");
        model.says(null, Map.of("save_contact_field", Map.of("field", "budget_fit", "value", "not_qualified")));
        model.says("Thanks for telling me.");
        says("ben", "m-2", "50 EUR");

        assertEquals(List.of("cold-lead"), tags(ws, "ben"));
        assertEquals(null, ws.assignee("ben"));
        List<String> sent = sentTo(ws, "ben");
        assertEquals("Thank you, Ben. Our offers start above your budget for now; we will let you know when that changes.",
                sent.get(sent.size() - 1));
    }

    @Test
    void theAgentClosesWhatItResolvesAndHandsOverWhatItCannot() {
        install(ws, "ai-customer-service", Map.of("instructions", "You are Acme's assistant for $contact.name. Returns are free.",
                "teamId", "support"));
        model.says("Returns are free within 30 days.");
        says("ada", "m-1", "Can I return my shoes?");
        model.says("Glad I could help!", Map.of("finish", Map.of("summary", "explained free returns")));
        says("ada", "m-2", "Great, thanks");

        assertEquals("You are Acme's assistant for Ada. Returns are free.", systemPrompt(0).substring(0, 51));
        assertEquals("closed", ws.conversation("ada").getString("status"));
        assertEquals(List.of("Resolved by AI: explained free returns"), ws.conversation("ada").getList("comments.text"));

        model.says("Let me connect you with a colleague.",
                Map.of("handover_to_human", Map.of("reason", "the contact wants a refund")));
        says("ben", "m-1", "I want my money back now");

        assertEquals("sue", ws.assignee("ben"));
        assertEquals("open", ws.conversation("ben").getString("status"));
        assertEquals(List.of("AI handed over: the contact wants a refund"), ws.conversation("ben").getList("comments.text"));
    }

    @Test
    void aContactIsAnsweredByTheAgentTheirFieldChoosesAndOthersByTheDefaultAgent() {
        install(ws, "ai-route-preferred-agent", Map.of("firstValue", "es",
                "firstAgentInstructions", "Eres el asistente de Acme. Responde en español.",
                "defaultAgentInstructions", "You are Acme's assistant. Answer in English.", "teamId", "support"));
        model.says("Let me find a colleague.", Map.of("handover_to_human", Map.of("reason", "asked for a person")));
        says("ben", "m-1", "Hi, a person please");
        assertTrue(systemPrompt(0).startsWith("You are Acme's assistant."), "no language known: " + systemPrompt(0));
        assertEquals("sue", ws.assignee("ben"));
        assertEquals(List.of("AI handed over: asked for a person"), ws.conversation("ben").getList("comments.text"));
        ws.close("ben");

        Installs.fields(ws, "ben", Map.of("language", "es"));
        model.says("¡Hola Ben!");
        says("ben", "m-2", "Hola");

        assertTrue(systemPrompt(1).startsWith("Eres el asistente de Acme."), systemPrompt(1));
        assertEquals(List.of("Let me find a colleague.", "¡Hola Ben!"), sentTo(ws, "ben"));
    }
}
