package io.switchboard.engine.step.askquestion;

import io.switchboard.engine.run.RunState;
import io.switchboard.engine.step.Replies;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.OutboundSender;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a question in turns. The first turn sends it, marks the contact as awaited (so the contact's
 * next message finds this run without a query) and pauses the run on the step until the timeout.
 * A reply resumes the run on the same step with the reply (see {@link Replies}): an answer is saved and
 * the run goes on; anything else is answered with a hint and the question again, up to the step's
 * retries. The wake-up at the timeout finds no reply and takes the timeout path.
 *
 * <p>The question state lives in run variables, so it survives between turns in the stored run and
 * is cleared when the question is done. Messages are keyed by the turn's effect key, so a turn
 * repeated after a crash sends nothing twice.
 */
public final class AskQuestionHandler implements StepHandler<AskQuestionStep> {

    private static final String DEADLINE = "ask.deadline";
    private static final String INVALID = "ask.invalid";
    /** Saved answers are run variables readable as {@code $answer.<name>}. */
    public static final String ANSWER_PREFIX = "answer.";

    @Override
    public StepResult run(AskQuestionStep step, StepContext ctx) {
        Run run = ctx.run();
        if (!Replies.awaitedBy(ctx, step.id())) {
            return ask(step, ctx, null, "asked");
        }
        Replies.Reply taken = Replies.take(run);
        if (taken == null) {
            Instant deadline = Instant.parse(run.variable(DEADLINE));
            if (ctx.now().isBefore(deadline)) {
                return StepResult.awaitUntil(RunState.AWAITING_REPLY, deadline, "waiting for an answer", Map.of(),
                        false);
            }
            done(ctx);
            return leave(step, AskQuestionStep.TIMEOUT_PATH, "no answer by " + deadline, Map.of("timeout",
                    step.timeout().toString()));
        }
        String reply = taken.text();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reply", reply);
        details.put("message", taken.messageId());
        Optional<String> answer = step.answerType().accept(reply, step);
        if (answer.isPresent()) {
            details.put("answer", answer.get());
            save(step, ctx, answer.get());
            done(ctx);
            return StepResult.changed("answered \"" + answer.get() + "\"", details);
        }
        int invalid = Integer.parseInt(run.variable(INVALID) == null ? "0" : run.variable(INVALID)) + 1;
        if (invalid > step.retries()) {
            done(ctx);
            return leave(step, AskQuestionStep.INVALID_PATH, "not an answer: \"" + reply + "\"; no tries left",
                    details);
        }
        run.setVariable(INVALID, String.valueOf(invalid));
        String hint = step.invalidMessage() != null ? Variables.of(ctx).render(step.invalidMessage())
                : step.answerType().hint(step);
        return ask(step, ctx, hint, "not an answer: \"" + reply + "\"; asked again (" + invalid + " of "
                + step.retries() + ")");
    }

    private StepResult ask(AskQuestionStep step, StepContext ctx, String hint, String outcome) {
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
            done(ctx);
            return StepResult.end("not asked: the contact has no open conversation", details);
        }
        try {
            ctx.inbox().outbox().send(ctx.run().workspaceId(), contact, "workflow:" + ctx.workflow().id(), text,
                    choices, ctx.effectKey()).ifPresent(ctx::contactChanged);
        } catch (OutboundSender.SendFailed refused) {
            details.put("error", refused.code());
            done(ctx);
            return StepResult.end("not asked: " + refused.getMessage(), details);
        }
        Instant deadline = ctx.now().plus(step.timeout());
        ctx.run().setVariable(DEADLINE, deadline.toString());
        Replies.await(ctx, step.id());
        details.put("until", deadline.toString());
        return StepResult.awaitUntil(RunState.AWAITING_REPLY, deadline, outcome, details, true);
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

    /** The question is over: its state goes, and the contact's next message is no longer an answer. */
    private static void done(StepContext ctx) {
        ctx.run().setVariable(DEADLINE, null);
        ctx.run().setVariable(INVALID, null);
        Replies.stop(ctx);
    }

    private static StepResult leave(AskQuestionStep step, int path, String outcome, Map<String, String> details) {
        if (step.nested().get(path).steps().isEmpty()) {
            return StepResult.end(outcome, details);
        }
        return new StepResult(StepResult.Next.ENTER_BRANCH, path, null,
                outcome + "; the " + (path == AskQuestionStep.TIMEOUT_PATH ? "timeout" : "invalid answer")
                        + " steps run", details, List.of(), true);
    }
}
