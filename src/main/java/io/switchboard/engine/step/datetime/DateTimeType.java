package io.switchboard.engine.step.datetime;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The DateTime step type: its document, handler and the rules its document follows. */
public final class DateTimeType implements StepType<DateTimeStep> {

    public static final String NAME = "date_time";

    private final DateTimeHandler handler = new DateTimeHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DateTimeStep> stepClass() {
        return DateTimeStep.class;
    }

    @Override
    public DateTimeStep parse(StepReader step) {
        ZoneId zone = ZoneOffset.UTC;
        try {
            zone = ZoneId.of(step.text("timeZone"));
        } catch (DateTimeException e) {
            step.problem("timeZone", "\"" + step.text("timeZone") + "\" is not an IANA time zone such as Europe/Lisbon");
        }
        Map<DayOfWeek, List<DateTimeStep.Window>> hours = null;
        if (step.has("businessHours")) {
            hours = new EnumMap<>(DayOfWeek.class);
            StepReader week = step.object("businessHours");
            for (DayOfWeek day : DayOfWeek.values()) {
                List<DateTimeStep.Window> list = new ArrayList<>();
                for (StepReader window : week.objects(day.name().toLowerCase())) {
                    LocalTime from = localTime(window.text("from"));
                    LocalTime to = localTime(window.text("to"));
                    if (!from.isBefore(to)) {
                        window.problem("", "opening hours end after they start");
                    }
                    list.add(new DateTimeStep.Window(from, to));
                }
                hours.put(day, List.copyOf(list));
            }
        }
        LocalDateTime from = null;
        LocalDateTime to = null;
        if (step.has("dateRange")) {
            StepReader range = step.object("dateRange");
            from = localDateTime(range, "from");
            to = localDateTime(range, "to");
            if (from != null && to != null && !from.isBefore(to)) {
                step.problem("dateRange", "a date range ends after it starts");
            }
        }
        return new DateTimeStep(step.id(), zone, hours, from, to, step.steps("outside"));
    }

    @Override
    public StepHandler<DateTimeStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("timeZone", "Europe/Lisbon", "businessHours", Map.of("monday", List.of(Map.of("from", "09:00", "to", "17:00"))));
    }

    /** "24:00" closes a day at midnight. */
    private static LocalTime localTime(String text) {
        return "24:00".equals(text) ? LocalTime.MAX : LocalTime.parse(text);
    }

    private static LocalDateTime localDateTime(StepReader range, String field) {
        String text = range.text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            range.problem(field, "\"" + text + "\" is not a date and time such as 2026-12-24T18:00");
            return null;
        }
    }
}
