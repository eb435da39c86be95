package io.switchboard.deploy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The five-field cron syntax of a Kubernetes CronJob (minute hour day-of-month month day-of-week),
 * checked field by field; kubectl kustomize accepts any string there.
 */
final class CronSchedule {

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                    "NOV", "DEC")),
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private static final Pattern PART = Pattern.compile("(\\*|\\?|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)(?:/([0-9]+))?");

    private CronSchedule() {
    }

    /** What is wrong with the schedule, or empty when it is a valid five-field expression. */
    static Optional<String> problem(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return Optional.of("is empty");
        }
        String[] parts = schedule.trim().split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of("\"" + schedule + "\" has " + parts.length + " fields, not 5 (minute hour day-of-month month day-of-week)");
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> problem = problem(FIELDS.get(i), parts[i]);
            if (problem.isPresent()) {
                return Optional.of("\"" + schedule + "\": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Field field, String text) {
        for (String item : text.split(",", -1)) {
            var match = PART.matcher(item);
            if (!match.matches()) {
                return Optional.of(field.name() + " \"" + item + "\" is not *, a value, a range or a step");
            }
            String base = match.group(1);
            if (base.equals("?") && !field.name().startsWith("day")) {
                return Optional.of(field.name() + " does not accept ?");
            }
            if (match.group(2) != null && Integer.parseInt(match.group(2)) == 0) {
                return Optional.of(field.name() + " step is 0");
            }
            if (!base.equals("*") && !base.equals("?")) {
                for (String bound : base.split("-")) {
                    Integer value = value(field, bound);
                    if (value == null || value < field.min() || value > field.max()) {
                        return Optional.of(field.name() + " \"" + bound + "\" is outside " + field.min() + "-"
                                + field.max());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Integer value(Field field, String bound) {
        if (bound.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(bound);
        }
        int index = field.names().indexOf(bound.toUpperCase());
        return index < 0 ? null : index + field.min();
    }
}
