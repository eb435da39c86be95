package io.switchboard.engine.step;

import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.workflow.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A step document (or an object inside one) as a {@link StepType} reads it, without a JSON library:
 * the document package implements it. Fields have passed the JSON Schema, so a required field is
 * there with its type; absent optional fields read as null or the fallback given.
 */
public interface StepReader {

    /** Waits, timeouts and deadlines of every step last from 1 second to 7 days. */
    Duration SHORTEST = Duration.ofSeconds(1);
    Duration LONGEST = Duration.ofDays(7);

    /** The step's id (the author's, or one given in document order). */
    String id();

    /** This object's JSON path, e.g. {@code $.steps[2].branches[0]}. */
    String path();

    boolean has(String field);

    /** The field as text, or null when it is absent or null. */
    String text(String field);

    default String text(String field, String fallback) {
        String value = text(field);
        return value != null ? value : fallback;
    }

    boolean flag(String field, boolean fallback);

    /** The field as an integer, or null when absent. */
    Integer integer(String field);

    default int integer(String field, int fallback) {
        Integer value = integer(field);
        return value != null ? value : fallback;
    }

    BigDecimal decimal(String field);

    /** An array of texts, or null when absent. */
    List<String> texts(String field);

    /** An object of texts (HTTP headers); empty when absent. */
    Map<String, String> textMap(String field);

    /** An object field, or null when absent. */
    StepReader object(String field);

    /** An array of objects; empty when absent. */
    List<StepReader> objects(String field);

    /** A nested step list, parsed with every rule of the workflow (ids, limits, jump targets); empty when absent. */
    List<Step> steps(String field);

    /** This object's {@code match} and {@code conditions}, as a Branch reads them. */
    ConditionGroup conditions();

    /** The condition group held in {@code field}. */
    ConditionGroup conditions(String field);

    /** Records the field as a Jump To target, checked once every step id of the workflow is known. */
    void jumpTarget(String field);

    /** A problem at {@code field} of this object (its own path when {@code field} is empty). */
    void problem(String field, String message);

    /** An ISO-8601 duration within {@link #SHORTEST} and {@link #LONGEST}; problems name the field. */
    default Duration duration(String field) {
        String text = text(field);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, "\"" + text + "\" is not an ISO-8601 duration such as PT15M");
            return SHORTEST;
        }
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            problem(field, "a wait lasts from 1 second to 7 days; " + text + " is out of range");
        }
        return duration;
    }

    /** As {@link #duration}, and at least {@code min}: "{what} from 1 minute to 7 days; X is too short". */
    default Duration duration(String field, Duration min, String what) {
        Duration duration = duration(field);
        if (duration.compareTo(min) < 0) {
            problem(field, what + "; " + text(field) + " is too short");
        }
        return duration;
    }
}
