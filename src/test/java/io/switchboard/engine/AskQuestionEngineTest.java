package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.askquestion.AnswerType;
import io.switchboard.engine.step.askquestion.AskQuestionStep;
import io.switchboard.engine.step.askquestion.AskQuestionStep.Save;
import io.switchboard.engine.step.askquestion.AskQuestionStep.SaveTo;
import io.switchboard.inbox.OutboundSender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ask a Question in the engine alone: the contact's replies drive the run through the in-memory inbox. */
class AskQuestionEngineTest {

    final InMemoryWorkspace ws = new InMemoryWorkspace();

    static AskQuestionStep question(String text, AnswerType type, List<String> options, Save save, Duration timeout,
            int retries, String invalidMessage) {
        return new AskQuestionStep("ask", text, type, options, null, null, null, null, save, timeout, retries,
                invalidMessage, List.of(new AddCommentStep("timeout", "No answer from $contact.name")),
                List.of(new AddCommentStep("invalid", "No usable answer from $contact.name")));
    }

    void emailQuestion(Save save, String invalidMessage) {
        ws.publish("email", question("What is your email, $contact.name?", AnswerType.EMAIL, List.of(), save,
                Duration.ofHours(1), 2, invalidMessage), new AddCommentStep("done", "Email: $contact.email $answer.email"));
    }

    @Test
    void aReplyThatIsNotAnEmailIsExplainedAndAskedAgainThenTheInvalidStepsRunAfterTheRetries() {
        emailQuestion(new Save(SaveTo.CONTACT_FIELD, "email"), null);
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "my email is ada at example");
        ws.contactSays("ada", "m-3", "ada@example");
        assertEquals(RunStatus.WAITING, ws.run("ada").status(), "two retries: still asking");
        ws.contactSays("ada", "m-4", "no");

        String again = "Please reply with a valid email address.\n\nWhat is your email, ada?";
        assertEquals(List.of("What is your email, ada?", again, again), ws.sentTo("ada"));
        assertEquals(List.of("No usable answer from ada"), ws.comments(), "the steps after the question never ran");
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        assertEquals(Set.of(), ws.inbox.find("ws", "ada").orElseThrow().awaitingReply(),
                "the contact's next message is no longer an answer");
        assertTrue(ws.outcomes("ada").contains("not an answer: \"no\"; no tries left; the invalid answer steps run"),
                ws.outcomes("ada").toString());
    }

    @Test
    void aValidEmailIsSavedNormalisedToTheContactAndTheRunGoesOn() {
        emailQuestion(new Save(SaveTo.CONTACT_FIELD, "email"), null);
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "  Ada@Example.COM ");

        assertEquals("ada@example.com", ws.inbox.find("ws", "ada").orElseThrow().fields().get("email"));
        assertEquals(List.of("Email: ada@example.com ada@example.com"), ws.comments());
        assertEquals(List.of("What is your email, ada?"), ws.sentTo("ada"), "no second question");
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
    }

    @Test
    void anAnswerSavedAsAVariableIsReadableLaterInTheRunButNotOnTheContact() {
        ws.publish("email", question("Your email?", AnswerType.EMAIL, List.of(), new Save(SaveTo.VARIABLE, "email"),
                Duration.ofHours(1), 2, null), new AddCommentStep("done", "Answer: $answer.email"));
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "ada@example.com");

        assertEquals(List.of("Answer: ada@example.com"), ws.comments());
        assertEquals(Map.of(), ws.inbox.find("ws", "ada").orElseThrow().fields());
    }

    @Test
    void aTextAnswerIsSavedExactlyAsTheContactWroteItWhateverItsCharacters() {
        ws.publish("note", question("Anything to add?", AnswerType.TEXT, List.of(), new Save(SaveTo.VARIABLE, "note"),
                Duration.ofHours(1), 2, null), new AddCommentStep("done", "Note: $answer.note"));
        ws.contactSays("ada", "m-1", "Hi");
        // the answer waits in the run's awaiting record between the reply and the step: nothing of it is lost
        ws.contactSays("ada", "m-2", "50% off & free=yes + a+b\nsee you");

        assertEquals(List.of("Note: 50% off & free=yes + a+b\nsee you"), ws.comments());
    }

    @Test
    void anAnswerWhoseProcessDiedAfterItClaimedTheRunIsTakenUpByTheSweep() {
        ws.publish("email", question("Your email?", AnswerType.EMAIL, List.of(), new Save(SaveTo.VARIABLE, "email"),
                Duration.ofHours(1), 2, null), new AddCommentStep("done", "Answer: $answer.email"));
        ws.contactSays("ada", "m-1", "Hi");
        ws.inbox.crashAfterClaim(); // the reply claims the run; the process dies at its next write
        assertThrows(InMemoryInbox.ProcessDied.class, () -> ws.contactSays("ada", "m-2", "ada@example.com"));
        assertEquals(List.of(), ws.comments());

        ws.clock.advance(Duration.ofSeconds(31));
        String runId = ws.run("ada").id();
        assertEquals(WakeUpResult.RESUMED, ws.engine.wakeUp(new WakeUpCall("ws", "ada", runId, null, null)));
        assertEquals(List.of("Answer: ada@example.com"), ws.comments(), "the answer was kept with the claim");
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
    }

    @Test
    void theWorkflowsOwnInvalidMessageIsSentWithItsVariablesInsteadOfTheHint() {
        emailQuestion(null, "Sorry $contact.name, that does not look like an email.");
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "nope");

        assertEquals("Sorry ada, that does not look like an email.\n\nWhat is your email, ada?", ws.sentTo("ada").get(1));
    }

    @Test
    void noAnswerWithinTheTimeoutTakesTheTimeoutStepsAndALateReplyIsNotAnAnswer() {
        emailQuestion(new Save(SaveTo.CONTACT_FIELD, "email"), null);
        ws.contactSays("ada", "m-1", "Hi");
        ws.passes(Duration.ofMinutes(59));
        assertEquals(List.of(), ws.comments(), "an hour has not passed yet");
        assertEquals(RunStatus.WAITING, ws.run("ada").status());

        ws.passes(Duration.ofMinutes(1));
        assertEquals(List.of("No answer from ada"), ws.comments());
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());

        ws.contactSays("ada", "m-2", "ada@example.com");
        assertEquals(Map.of(), ws.inbox.find("ws", "ada").orElseThrow().fields(), "the question was over");
        assertEquals(List.of("What is your email, ada?"), ws.sentTo("ada"));
    }

    @Test
    void theTimeoutCountsFromTheLastTimeTheQuestionWasAsked() {
        emailQuestion(null, null);
        ws.contactSays("ada", "m-1", "Hi");
        ws.passes(Duration.ofMinutes(30));
        ws.contactSays("ada", "m-2", "not yet");
        assertEquals(List.of(WakeUpResult.STALE_TOKEN), ws.passes(Duration.ofMinutes(30)),
                "the first deadline's wake-up was replaced when the question was asked again");
        assertEquals(List.of(), ws.comments());
        ws.passes(Duration.ofMinutes(30));
        assertEquals(List.of("No answer from ada"), ws.comments());
    }

    @Test
    void aChoiceIsOfferedAsButtonsAnsweredByItsNumberAndSavedAsATag() {
        ws.publish("menu", question("What do you need?", AnswerType.MULTIPLE_CHOICE, List.of("Sales", "Support"),
                new Save(SaveTo.TAG, null), Duration.ofHours(1), 1, null), new AddCommentStep("done", "Chosen"));
        ws.contactSays("ada", "m-1", "Hi");
        ws.contactSays("ada", "m-2", "2");

        assertEquals(List.of("What do you need?\n1. Sales\n2. Support"), ws.sentTo("ada"));
        assertEquals(List.of(new OutboundSender.Choices("What do you need?", List.of("Sales", "Support"))),
                ws.messages.choices);
        assertEquals(Set.of("Support"), ws.inbox.find("ws", "ada").orElseThrow().tags());
        assertEquals(List.of("Chosen"), ws.comments());
    }

    @Test
    void aQuestionThePlatformRefusesEndsTheRunAndSaysWhy() {
        emailQuestion(null, null);
        ws.messages.refuseNext(new OutboundSender.SendFailed(422, "outside_window", "the 24-hour window has closed"));
        ws.contactSays("ada", "m-1", "Hi");

        assertEquals(List.of(), ws.sentTo("ada"));
        assertEquals(RunStatus.COMPLETED, ws.run("ada").status());
        assertEquals("not asked: the 24-hour window has closed", ws.outcomes("ada").get(0));
        assertEquals(Set.of(), ws.inbox.find("ws", "ada").orElseThrow().awaitingReply());
    }
}
