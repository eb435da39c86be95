package io.switchboard.engine.step.askquestion;

import io.switchboard.engine.workflow.NestedSteps;
import io.switchboard.engine.workflow.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Ask a Question: sends {@code question} through the conversation's channel and waits for the
 * contact's next message, which resumes the run (an event, not a timer). A reply that is an answer of
 * {@code answerType} is saved as {@code save} says and the run goes on; otherwise the contact is told
 * what is expected and asked again, up to {@code retries} times, after which the {@code onInvalid}
 * steps run. With no reply within {@code timeout} the {@code onTimeout} steps run. Either path ends
 * the run after its steps, like every failure path; an empty path ends it at once.
 */
public record AskQuestionStep(String id, String question, AnswerType answerType, List<String> options,
        BigDecimal min, BigDecimal max, List<String> dateFormats, String countryCode, Save save, Duration timeout,
        int retries, String invalidMessage, List<Step> onTimeout, List<Step> onInvalid) implements Step {

    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION_LENGTH = 20;
    public static final int MAX_RETRIES = 5;
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(1);
    public static final Duration MIN_TIMEOUT = Duration.ofMinutes(1);
    public static final List<String> DEFAULT_DATE_FORMATS = List.of("YYYY-MM-DD", "DD/MM/YYYY");

    /** Where an answer goes: a contact field, a run variable ({@code $answer.<name>}) or, for a choice, a tag. */
    public enum SaveTo {
        CONTACT_FIELD, VARIABLE, TAG
    }

    /** With {@code name} the answer is also readable as {@code $answer.<name>} for the rest of the run. */
    public record Save(SaveTo to, String name) {
    }

    public AskQuestionStep {
        options = options == null ? List.of() : List.copyOf(options);
        dateFormats = dateFormats == null || dateFormats.isEmpty() ? DEFAULT_DATE_FORMATS : List.copyOf(dateFormats);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onTimeout = onTimeout == null ? List.of() : onTimeout;
        onInvalid = onInvalid == null ? List.of() : onInvalid;
    }

    /** The question as the contact reads it: a choice lists its options, numbered, to answer by number. */
    public String prompt(String renderedQuestion) {
        if (answerType != AnswerType.MULTIPLE_CHOICE) {
            return renderedQuestion;
        }
        StringBuilder text = new StringBuilder(renderedQuestion);
        for (int i = 0; i < options.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return text.toString();
    }

    /** The steps after the question are its answered path; timeout and invalid paths end the run. */
    @Override
    public List<NestedSteps> nested() {
        return List.of(new NestedSteps("onTimeout", onTimeout, true), new NestedSteps("onInvalid", onInvalid, true));
    }

    @Override
    public String type() {
        return AskQuestionType.NAME;
    }
}
