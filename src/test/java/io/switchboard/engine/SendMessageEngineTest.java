package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.StepRecord;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.sendmessage.SendMessageStep;
import io.switchboard.engine.step.sendmessage.SendMessageStep.ChannelResponse;
import io.switchboard.engine.step.wait.WaitStep;
import io.switchboard.inbox.OutgoingContent;
import io.switchboard.inbox.OutgoingContent.Media;
import io.switchboard.inbox.OutgoingContent.MediaKind;
import io.switchboard.inbox.OutgoingContent.Tagged;
import io.switchboard.inbox.OutgoingContent.Template;
import io.switchboard.inbox.OutgoingContent.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Send a Message in the engine alone: which channel it goes out on, which response is sent and why
 * (the history says), and the 24-hour window of WhatsApp and Messenger, over the in-memory inbox.
 */
class SendMessageEngineTest {

    static final String WHATSAPP = "wa-1";
    static final String TELEGRAM = "tg-1";
    static final String VIBER = "vb-1";
    static final String MESSENGER = "fb-1";

    final InMemoryWorkspace ws = new InMemoryWorkspace();

    @BeforeEach
    void connectChannels() {
        ws.messages.channelTypes.putAll(Map.of(WHATSAPP, "whatsapp", TELEGRAM, "telegram", VIBER, "viber",
                MESSENGER, "messenger"));
        ws.messages.windowed.addAll(List.of(WHATSAPP, MESSENGER));
    }

    /** A workflow that waits, then sends: the contact may write elsewhere (or go quiet) meanwhile. */
    void publish(Duration wait, SendMessageStep send) {
        ws.publish("notify", new WaitStep("wait", wait), send);
    }

    static SendMessageStep send(String channel, OutgoingContent message, ChannelResponse... responses) {
        return new SendMessageStep("send", channel, message, List.of(responses),
                List.of(new AddCommentStep("failed", "Not sent to $contact.name")));
    }

    StepRecord sendRecord(String contactId) {
        return ws.run(contactId).history().stream().filter(h -> h.stepId().equals("send")).findFirst().orElseThrow();
    }

    @Test
    void theDefaultGoesToTheChannelTheContactLastWroteFromNotTheOneTheConversationBeganOn() {
        publish(Duration.ofMinutes(5), send(null, new Text("Hello $contact.name")));
        ws.contactSaysOn(WHATSAPP, "ada", "m-1", "Hi");
        ws.contactSaysOn(TELEGRAM, "ada", "m-2", "I am on Telegram now");
        ws.passes(Duration.ofMinutes(5));

        assertEquals(List.of("ada: Hello ada"), ws.messages.sent);
        StepRecord sent = sendRecord("ada");
        assertEquals("message sent", sent.outcome());
        assertEquals(TELEGRAM, sent.details().get("channel"));
        assertEquals("telegram", sent.details().get("channelType"));
        assertEquals("default", sent.details().get("response"));
        assertEquals("no response for telegram channel tg-1", sent.details().get("why"));
    }

    @Test
    void aChannelWhereTheContactHasNoIdentityTakesTheFailurePathWithTheReason() {
        publish(Duration.ofMinutes(1), send(VIBER, new Text("Hello")));
        ws.contactSaysOn(WHATSAPP, "ada", "m-1", "Hi");
        ws.passes(Duration.ofMinutes(1));

        assertEquals(List.of(), ws.messages.sent);
        assertEquals(List.of("Not sent to ada"), ws.comments());
        assertEquals("not sent: the contact has no identity on channel vb-1 (viber): they never wrote from it and were "
                + "not linked to it; the failure steps run", sendRecord("ada").outcome());
        assertEquals("no_identity_on_channel", sendRecord("ada").details().get("error"));
    }

    @Test
    void aLinkedIdentityIsWhereTheMessageGoesOnThatChannel() {
        publish(Duration.ofMinutes(1), send(VIBER, new Text("Hello on Viber")));
        ws.contactSaysOn(WHATSAPP, "ada", "m-1", "Hi");
        ws.inbox.link(InMemoryWorkspace.WS, "ada", VIBER, "01234567890A=");
        ws.passes(Duration.ofMinutes(1));

        assertEquals(List.of("01234567890A=: Hello on Viber"), ws.messages.sent);
        assertEquals(VIBER, sendRecord("ada").details().get("channel"));
    }

    @Test
    void aResponseForTheChannelsIdComesBeforeOneForItsTypeAndBothBeforeTheDefault() {
        publish(Duration.ofMinutes(1), send(null, new Text("default"),
                new ChannelResponse("telegram", new Text("for every Telegram bot")),
                new ChannelResponse(TELEGRAM, new Media(MediaKind.IMAGE, "https://cdn.example.com/$contact.name.png",
                        "For this bot, $contact.name")),
                new ChannelResponse("whatsapp", new Text("for WhatsApp"))));
        ws.contactSaysOn(TELEGRAM, "ada", "m-1", "Hi");
        ws.passes(Duration.ofMinutes(1));

        assertEquals(List.of(new Media(MediaKind.IMAGE, "https://cdn.example.com/ada.png", "For this bot, ada")),
                ws.messages.contents, "variables are rendered in the caption and the URL");
        assertEquals("responses[1]", sendRecord("ada").details().get("response"));
        assertEquals("the response for channel tg-1", sendRecord("ada").details().get("why"));
        assertEquals("For this bot, ada", ws.messages.list(InMemoryWorkspace.WS, "ada").get(1).text());
    }

    @Test
    void insideTheWindowWhatsAppGetsTheFreeTextAndAfter24HoursTheTemplateInstead() {
        SendMessageStep step = send(null, new Text("Are you still there, $contact.name?"),
                new ChannelResponse("whatsapp", new Text("Still there, $contact.name?")),
                new ChannelResponse("whatsapp", new Template("still_there", "en", List.of(), List.of("$contact.name"),
                        List.of())));
        publish(Duration.ofHours(1), step);
        ws.contactSaysOn(WHATSAPP, "ada", "m-1", "Hi");
        ws.passes(Duration.ofHours(1));
        assertEquals(List.of(new Text("Still there, ada?")), ws.messages.contents);

        ws.publish("notify-later", new WaitStep("wait", Duration.ofHours(25)), step);
        ws.inbox.workflows.removeIf(w -> w.id().equals("notify"));
        ws.contactSaysOn(WHATSAPP, "ben", "m-2", "Hi");
        ws.passes(Duration.ofHours(25));

        assertEquals(new Template("still_there", "en", List.of(), List.of("ben"), List.of()), ws.messages.contents.get(1));
        StepRecord later = sendRecord("ben");
        assertEquals("responses[1]", later.details().get("response"));
        assertTrue(later.details().get("why").startsWith("the whatsapp reply window closed at "), later.details().toString());
        assertTrue(later.details().get("why").endsWith(": the template response for whatsapp"), later.details().toString());
    }

    @Test
    void outsideTheWindowFreeTextIsNotAttemptedWithoutATemplateAndTheFailurePathSaysWhy() {
        publish(Duration.ofHours(25), send(null, new Text("Are you still there?")));
        ws.contactSaysOn(WHATSAPP, "ada", "m-1", "Hi");
        ws.passes(Duration.ofHours(25));

        assertEquals(List.of(), ws.messages.sent, "the platform was not asked");
        assertEquals(List.of("Not sent to ada"), ws.comments());
        StepRecord refused = sendRecord("ada");
        assertTrue(refused.outcome().startsWith("not sent: the whatsapp reply window closed at 2026-11-25T10:00:00Z"),
                refused.outcome());
        assertTrue(refused.outcome().endsWith("the step has no template or message-tag response for whatsapp channel "
                + "wa-1, so free text was not attempted; the failure steps run"), refused.outcome());
        assertEquals("outside_window", refused.details().get("error"));
    }

    @Test
    void onAWhatsAppIdentityOnlyLinkedTheWindowNeverOpenedSoOnlyTheTemplateGoesOut() {
        publish(Duration.ofMinutes(1), send(WHATSAPP, new Text("Hello on WhatsApp")));
        ws.contactSaysOn(TELEGRAM, "ada", "m-1", "Hi");
        ws.inbox.link(InMemoryWorkspace.WS, "ada", WHATSAPP, "+15550002222");
        ws.passes(Duration.ofMinutes(1));

        assertEquals(List.of(), ws.messages.sent);
        assertTrue(sendRecord("ada").outcome().startsWith("not sent: the whatsapp reply window never opened (the contact "
                + "has not written on this channel)"), sendRecord("ada").outcome());
    }

    @Test
    void onMessengerATaggedResponseGoesOutAfterTheWindowAndFreeTextBeforeIt() {
        SendMessageStep step = send(null, new Text("Your order shipped"),
                new ChannelResponse("messenger", new Tagged("POST_PURCHASE_UPDATE", new Text("Order update: shipped"))));
        publish(Duration.ofHours(30), step);
        ws.contactSaysOn(MESSENGER, "ada", "m-1", "Hi");
        ws.passes(Duration.ofHours(30));

        assertEquals(List.of(new Tagged("POST_PURCHASE_UPDATE", new Text("Order update: shipped"))), ws.messages.contents);
        assertTrue(sendRecord("ada").details().get("why").endsWith(": the tagged response for messenger"));
    }
}
