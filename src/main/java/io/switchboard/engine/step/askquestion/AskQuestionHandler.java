package io.switchboard.engine.step.askquestion;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.step.Await;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.OutboundSender;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a question in turns. The first turn sends it and awaits the contact's reply until the timeout
 * ({@link Await}: the contact's next message finds this run without a query). A reply resumes the run on
 * the same step: an answer is saved and the run goes on; anything else is answered with a hint and the
 * question again, up to the step's retries. The wake-up at the timeout finds no reply and takes the
 * timeout path. Messages are keyed by the turn's effect key, so a turn repeated after a crash sends
 * nothing twice.
 */
public final class AskQuestionHandler implements StepHandler<AskQuestionStep> {

    /** Saved answers are run variables readable as {@code $answer.<name>}. */
    public static final String ANSWER_PREFIX = "answer.";

    @Override
    public StepResult run(AskQuestionStep step, StepContext ctx) {
        Await await = Await.reply(ctx, step);
        if (!await.started()) {
            return ask(step, ctx, await, null, "asked", 0);
        }
        Awaiting.Reply taken = await.takeReply();
        if (taken == null) {
            if (!await.deadlinePassed()) {
                return await.stillWaiting("waiting for an answer");
            }
            return await.leaveBy("onTimeout", "no answer by " + await.deadline(), "; the timeout steps run", "",
                    Map.of("timeout", step.timeout().toString()));
        }
        String reply = taken.text();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reply", reply);
        details.put("message", taken.messageId());
        Optional<String> answer = step.answerType().accept(reply, step);
        if (answer.isPresent()) {
            details.put("answer", answer.get());
            save(step, ctx, answer.get());
            return await.leave("answered \"" + answer.get() + "\"", details);
        }
        int invalid = await.attempts() + 1;
        if (invalid > step.retries()) {
            return await.leaveBy("onInvalid", "not an answer: \"" + reply + "\"; no tries left",
                    "; the invalid answer steps run", "", details);
        }
        String hint = step.invalidMessage() != null ? Variables.of(ctx).render(step.invalidMessage())
                : step.answerType().hint(step);
        return ask(step, ctx, await, hint, "not an answer: \"" + reply + "\"; asked again (" + invalid + " of "
                + step.retries() + ")", invalid);
    }

    private StepResult ask(AskQuestionStep step, StepContext ctx, Await await, String hint, String outcome,
            int invalid) {
        String rendered = Variables.of(ctx).render(step.question());
        String asked = hint == null ? rendered : hint + "\n\n" + rendered;
        String text = hint == null ? step.prompt(rendered) : hint + "\n\n" + step.prompt(rendered);
        // platforms with buttons show the options as buttons; the text lists them for the others
        OutboundSender.Choices choices = step.answerType() == AnswerType.MULTIPLE_CHOICE
                ? new OutboundSender.Choices(asked, step.options()) : null;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("text", text);
        Contact contact = ctx.contact();
        if (!contact.hasOpenConversation()) {
            return await.end("not asked: the contact has no open conversation", details);
        }
        try {
            ctx.inbox().outbox().send(ctx.run().workspaceId(), contact, "workflow:" + ctx.workflow().id(), text,
                    choices, ctx.effectKey()).ifPresent(ctx::contactChanged);
        } catch (OutboundSender.SendFailed refused) {
            details.put("error", refused.code());
            return await.end("not asked: " + refused.getMessage(), details);
        }
        Instant deadline = ctx.now().plus(step.timeout());
        details.put("until", deadline.toString());
        return await.until(deadline, invalid, null, outcome, details, true);
    }

    private static void save(AskQuestionStep step, StepContext ctx, String answer) {
        AskQuestionStep.Save save = step.save();
        if (save == null) {
            return;
        }
        String ws = ctx.run().workspaceId();
        String contactId = ctx.run().contactId();
        if (save.name() != null) {
            ctx.run().setVariable(ANSWER_PREFIX + save.name(), answer);
        }
        switch (save.to()) {
            case CONTACT_FIELD -> {
                ContactStore.FieldsChange change = ctx.inbox().contacts().changeFields(ws, contactId,
                        Map.of(save.name(), answer), ctx.effectKey(), ctx.now());
                ctx.contactChanged(change.contact());
                ContactEvents.of(ws, change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
            }
            case TAG -> {
                ContactStore.TagsChange change = ctx.inbox().contacts().changeTags(ws, contactId, Set.of(answer),
                        Set.of(), ctx.effectKey(), ctx.now());
                ctx.contactChanged(change.contact());
                ContactEvents.of(ws, change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
            }
            case VARIABLE -> {
                // already set above
            }
        }
    }
}
