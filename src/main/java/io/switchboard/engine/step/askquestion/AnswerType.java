package io.switchboard.engine.step.askquestion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of answer Ask a Question accepts. Each turns a contact's reply into the value that is
 * saved, normalised so that later steps compare like with like (emails in lower case, phone numbers
 * in international form, dates as ISO {@code yyyy-MM-dd}, the chosen option as written in the step),
 * or rejects it.
 */
public enum AnswerType {
    TEXT("text"),
    MULTIPLE_CHOICE("multiple_choice"),
    NUMBER("number"),
    EMAIL("email"),
    PHONE("phone"),
    DATE("date"),
    URL("url"),
    RATING("rating"),
    LOCATION("location");

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final Pattern PHONE_DIGITS = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(https?://)?([a-z0-9-]+\\.)+[a-z]{2,}(:[0-9]{1,5})?([/?#]\\S*)?");
    private static final Pattern STARS = Pattern.compile("[\u2B50\u2605\\*]{1,5}");
    private static final Pattern RATING_TEXT = Pattern.compile("(?i)([1-5])\\s*(/\\s*5|stars?|out of 5)?");
    /** A location message as channels render it ("[location 38.7223,-9.1393 Lisbon]"), or "latitude, longitude". */
    private static final Pattern COORDINATES = Pattern.compile(
            "(?:\\[location\\s+)?\\(?\\s*(-?[0-9]{1,2}(?:\\.[0-9]+)?)\\s*,\\s*(-?[0-9]{1,3}(?:\\.[0-9]+)?)\\s*\\)?.*");
    /** Date formats as the product writes them: DD, MM, YYYY or YY, and separators. */
    public static final Pattern DATE_FORMAT = Pattern.compile("(DD|MM|YYYY|YY)([/.\\- ](DD|MM|YYYY|YY)){2}");

    private final String wireName;

    AnswerType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AnswerType fromWire(String value) {
        for (AnswerType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown answer type " + value);
    }

    /** The value to save for this reply, or empty when the reply is not an answer of this type. */
    public Optional<String> accept(String reply, AskQuestionStep step) {
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (this) {
            case TEXT -> Optional.of(text);
            case MULTIPLE_CHOICE -> choice(text, step);
            case NUMBER -> number(text, step);
            case EMAIL -> EMAIL_SHAPE.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
            case PHONE -> phone(text, step.countryCode());
            case DATE -> date(text, step);
            case URL -> WEB_ADDRESS.matcher(text).matches()
                    ? Optional.of(text.matches("(?i)https?://.*") ? text : "https://" + text) : Optional.empty();
            case RATING -> rating(text);
            case LOCATION -> location(text);
        };
    }

    /** 1 to 5: a digit ("4", "4/5", "4 stars") or that many stars. */
    private static Optional<String> rating(String text) {
        String compact = text.replace("\uFE0F", "");
        if (STARS.matcher(compact).matches()) {
            return Optional.of(String.valueOf(compact.codePointCount(0, compact.length())));
        }
        var m = RATING_TEXT.matcher(compact);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Saved as "latitude,longitude"; a location message's place name is not part of the answer. */
    private static Optional<String> location(String text) {
        var m = COORDINATES.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal latitude = new BigDecimal(m.group(1));
        BigDecimal longitude = new BigDecimal(m.group(2));
        if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0 || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            return Optional.empty();
        }
        return Optional.of(latitude.toPlainString() + "," + longitude.toPlainString());
    }

    /** An option by its text (any case) or by its number in the list, as menus are answered. */
    private static Optional<String> choice(String text, AskQuestionStep step) {
        for (String option : step.options()) {
            if (option.equalsIgnoreCase(text)) {
                return Optional.of(option);
            }
        }
        String number = text.endsWith(".") || text.endsWith(")") ? text.substring(0, text.length() - 1) : text;
        if (number.matches("[0-9]{1,2}")) {
            int index = Integer.parseInt(number);
            if (index >= 1 && index <= step.options().size()) {
                return Optional.of(step.options().get(index - 1));
            }
        }
        return Optional.empty();
    }

    /** Decimal point or, when there is no point, a single decimal comma ("2,5" is 2.5). */
    private static Optional<String> number(String text, AskQuestionStep step) {
        String normalised = text.contains(".") ? text : text.replace(',', '.');
        BigDecimal value;
        try {
            value = new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if ((step.min() != null && value.compareTo(step.min()) < 0)
                || (step.max() != null && value.compareTo(step.max()) > 0)) {
            return Optional.empty();
        }
        return Optional.of(value.stripTrailingZeros().toPlainString());
    }

    /**
     * International form (+ and 7-15 digits). Without the +, the step's country code is put in front
     * of the national number (its leading trunk 0 dropped); without a country code the + is required.
     */
    private static Optional<String> phone(String text, String countryCode) {
        String compact = PHONE_SEPARATORS.matcher(text).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (!compact.startsWith("+") && countryCode != null) {
            compact = countryCode + (compact.startsWith("0") ? compact.substring(1) : compact);
        }
        return PHONE_DIGITS.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    private static Optional<String> date(String text, AskQuestionStep step) {
        for (String format : step.dateFormats()) {
            try {
                return Optional.of(LocalDate.parse(text, formatter(format)).toString());
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }

    /** DD/MM/YYYY as a strict formatter (no 31/02). */
    static DateTimeFormatter formatter(String format) {
        String pattern = format.replace("DD", "dd").replace("YYYY", "uuuu").replace("YY", "uu");
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** What the contact is told when a reply is not an answer of this type. */
    public String hint(AskQuestionStep step) {
        return switch (this) {
            case TEXT -> "Please reply with text.";
            case MULTIPLE_CHOICE -> "Please reply with one of the options.";
            case NUMBER -> "Please reply with a number" + range(step) + ".";
            case EMAIL -> "Please reply with a valid email address.";
            case PHONE -> step.countryCode() == null
                    ? "Please reply with your phone number in international format, such as +14155550123."
                    : "Please reply with a valid phone number.";
            case DATE -> "Please reply with a date as " + String.join(" or ", step.dateFormats()) + ".";
            case URL -> "Please reply with a web address, such as example.com.";
            case RATING -> "Please reply with a rating from 1 to 5.";
            case LOCATION -> "Please share your location, or reply with latitude and longitude, such as 38.7223, -9.1393.";
        };
    }

    private static String range(AskQuestionStep step) {
        if (step.min() != null && step.max() != null) {
            return " from " + step.min().toPlainString() + " to " + step.max().toPlainString();
        }
        if (step.min() != null) {
            return " of at least " + step.min().toPlainString();
        }
        return step.max() != null ? " of at most " + step.max().toPlainString() : "";
    }
}
