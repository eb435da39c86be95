package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inbox.Directory;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a template parameter holds, and the check a value must pass before it is filled in. Checks that
 * the workflow itself makes (text lengths, opening hours in order) are left to the workflow parser, whose
 * problems are then named by the parameter that caused them.
 */
public enum ParameterType {
    USER("user"),
    TEAM("team"),
    TAG("tag"),
    FIELD("field"),
    TEXT("text"),
    TIME_ZONE("time_zone"),
    DURATION("duration"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    CHOICE("choice"),
    URL("url"),
    BUSINESS_HOURS("business_hours"),
    WHATSAPP_TEMPLATE("whatsapp_template");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    private final String wireName;

    ParameterType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ParameterType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    /**
     * What is wrong with the value, or empty when it fits. Users and teams must exist in the workspace
     * (when a directory is given): a workflow assigning to nobody would only fail later, at a contact's expense.
     */
    public Optional<String> problem(JsonNode value, List<String> options, Directory directory) {
        return Optional.ofNullable(switch (this) {
            case USER -> !isId(value) ? "must be a user id"
                    : directory != null && directory.agent(value.asText()).isEmpty()
                            ? "no user " + value.asText() + " in this workspace; create it first (POST /api/v1/users)"
                            : null;
            case TEAM -> !isId(value) ? "must be a team id"
                    : directory != null && directory.team(value.asText()).isEmpty()
                            ? "no team " + value.asText() + " in this workspace; create it first (POST /api/v1/teams)"
                            : null;
            case TAG -> value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 64 ? null
                    : "must be a tag of 1 to 64 characters";
            case FIELD -> value.isTextual() && FIELD_NAME.matcher(value.asText()).matches() ? null
                    : "must be a contact field name: 1 to 64 letters, digits or underscores";
            case TEXT -> value.isTextual() && !value.asText().isBlank() ? null : "must be a non-empty text";
            case TIME_ZONE -> value.isTextual() && isZone(value.asText()) ? null
                    : "must be an IANA time zone such as Europe/Lisbon";
            case DURATION -> value.isTextual() && isDuration(value.asText()) ? null
                    : "must be an ISO-8601 duration such as PT15M or P1D";
            case NUMBER -> value.isIntegralNumber() ? null : "must be a whole number";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case CHOICE -> value.isTextual() && options.contains(value.asText()) ? null
                    : "must be one of " + String.join(", ", options);
            case WHATSAPP_TEMPLATE -> value.isObject() && value.path("name").isTextual()
                    && value.path("language").isTextual() ? null
                    : "must be a WhatsApp message template: {\"name\": \"order_update\", \"language\": \"en\", "
                            + "\"body\": [\"$contact.firstname\"]}";
            case URL -> value.isTextual() && (value.asText().startsWith("https://") || value.asText().startsWith("http://"))
                    ? null : "must be an http or https URL";
            case BUSINESS_HOURS -> businessHoursProblem(value);
        });
    }

    private static boolean isId(JsonNode value) {
        return value.isTextual() && ID.matcher(value.asText()).matches();
    }

    private static boolean isZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isDuration(String text) {
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The shape only; the hours themselves are checked by the workflow parser. */
    private static String businessHoursProblem(JsonNode value) {
        String shape = "must be opening hours per weekday, e.g. {\"monday\": [{\"from\": \"09:00\", \"to\": \"17:00\"}]}";
        if (!value.isObject() || value.isEmpty()) {
            return shape;
        }
        for (var it = value.fieldNames(); it.hasNext(); ) {
            String day = it.next();
            if (!WEEKDAYS.contains(day) || !value.get(day).isArray()) {
                return shape;
            }
        }
        return null;
    }
}
