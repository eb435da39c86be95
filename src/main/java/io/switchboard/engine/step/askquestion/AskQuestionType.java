package io.switchboard.engine.step.askquestion;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import io.switchboard.inbox.Outbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The AskQuestion step type: its document, handler and the rules its document follows. */
public final class AskQuestionType implements StepType<AskQuestionStep> {

    public static final String NAME = "ask_question";

    private final AskQuestionHandler handler = new AskQuestionHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AskQuestionStep> stepClass() {
        return AskQuestionStep.class;
    }

    @Override
    public AskQuestionStep parse(StepReader step) {
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

    @Override
    public StepHandler<AskQuestionStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("question", "What is your email?", "answerType", "email", "saveTo", "contact_field", "saveAs", "email");
    }

    @Override
    public Set<String> variableNamespaces() {
        return Set.of("answer");
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(Outbox.class);
    }
}
