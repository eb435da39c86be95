package io.switchboard.engine.step.datetime;

import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.Step;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Date &amp; Time: in the time zone, either weekly business hours ({@code hours}; a day without
 * windows is closed) or a date range ({@code from} inclusive, {@code to} exclusive; either may be
 * open-ended). Inside, the run goes on to the next step; outside, the {@code outside} steps run, or
 * the run ends when there are none (the product's documented behaviour).
 */
public record DateTimeStep(String id, ZoneId zone, Map<DayOfWeek, List<Window>> hours, LocalDateTime from,
        LocalDateTime to, List<Step> outside) implements FailurePathStep {

    public DateTimeStep {
        outside = outside == null ? List.of() : outside;
    }

    /** Opening hours of one day, {@code from} inclusive, {@code to} exclusive. */
    public record Window(LocalTime from, LocalTime to) {
        boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public boolean inside(LocalDateTime local) {
        if (hours != null) {
            return hours.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                    .anyMatch(w -> w.contains(local.toLocalTime()));
        }
        return (from == null || !local.isBefore(from)) && (to == null || local.isBefore(to));
    }

    @Override
    public String failurePathName() {
        return "outside";
    }

    @Override
    public List<Step> failurePath() {
        return outside;
    }

    @Override
    public String type() {
        return DateTimeType.NAME;
    }
}
