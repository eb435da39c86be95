package io.switchboard.engine.step.datetime;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;
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

/** The DateTime step type: its name, record, handler and how its document is read. */
public final class DateTimeType extends DeclaredStepType<DateTimeStep> {

    public static final String NAME = "date_time";

    public DateTimeType() {
        super(NAME, DateTimeStep.class, new DateTimeHandler(), DateTimeType::read);
        repeatsHarmlessly(true); // a Date & Time step only reads the clock: it writes nothing
    }

    private static DateTimeStep read(StepReader step) {
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
