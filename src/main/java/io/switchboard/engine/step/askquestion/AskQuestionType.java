package io.switchboard.engine.step.askquestion;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;
import io.switchboard.inbox.Outbox;
import java.math.BigDecimal;
import java.time.Duration;

/** The AskQuestion step type: its name, record, handler and how its document is read. */
public final class AskQuestionType extends DeclaredStepType<AskQuestionStep> {

    public static final String NAME = "ask_question";

    public AskQuestionType() {
        super(NAME, AskQuestionStep.class, new AskQuestionHandler(), AskQuestionType::read);
        writesVariables("answer");
        needs(Outbox.class);
    }

    private static AskQuestionStep read(StepReader step) {
        AskQuestionStep.Save save = step.has("saveTo")
                ? new AskQuestionStep.Save(AskQuestionStep.SaveTo.valueOf(step.text("saveTo").toUpperCase()),
                        step.text("saveAs"))
                : null;
        BigDecimal min = step.decimal("min");
        BigDecimal max = step.decimal("max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            step.problem("max", "max is below min");
        }
        Duration timeout = step.has("timeout") ? step.duration("timeout", AskQuestionStep.MIN_TIMEOUT,
                "a question waits from 1 minute to 7 days for an answer") : null;
        return new AskQuestionStep(step.id(), step.text("question"), AnswerType.fromWire(step.text("answerType")),
                step.texts("options"), min, max, step.texts("dateFormats"), step.text("countryCode"), save,
                timeout, step.integer("retries", AskQuestionStep.DEFAULT_RETRIES), step.text("invalidMessage"),
                step.steps("onTimeout"), step.steps("onInvalid"));
    }
}
