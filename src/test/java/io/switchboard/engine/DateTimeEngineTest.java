package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.run.RunStatus;
import io.switchboard.engine.step.addcomment.AddCommentStep;
import io.switchboard.engine.step.datetime.DateTimeStep;
import io.switchboard.engine.step.datetime.DateTimeStep.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Date &amp; Time in the engine alone: business hours and date ranges read in the step's time zone. */
class DateTimeEngineTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final List<Window> NINE_TO_SIX = List.of(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0)));
    static final Map<DayOfWeek, List<Window>> WEEKDAYS = Map.of(DayOfWeek.MONDAY, NINE_TO_SIX,
            DayOfWeek.TUESDAY, NINE_TO_SIX, DayOfWeek.WEDNESDAY, NINE_TO_SIX, DayOfWeek.THURSDAY, NINE_TO_SIX,
            DayOfWeek.FRIDAY, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new Window(LocalTime.of(14, 0), LocalTime.of(17, 0))));

    final InMemoryWorkspace ws = new InMemoryWorkspace();

    void hours(ZoneId zone, Map<DayOfWeek, List<Window>> hours, boolean withOutsideSteps) {
        ws.publish("hours", new DateTimeStep("hours", zone, hours, null, null, withOutsideSteps
                        ? List.of(new AddCommentStep("closed", "We are closed, $contact.name")) : List.of()),
                new AddCommentStep("open", "Open for $contact.name"));
    }

    /** A contact writes at this instant; what the workflow did for them. */
    List<String> contactWritesAt(String contact, String instant) {
        ws.clock.set(Instant.parse(instant));
        int before = ws.comments().size();
        ws.contactSays(contact, "m-" + contact, "Hello");
        return ws.comments().subList(before, ws.comments().size());
    }

    @Test
    void insideBusinessHoursTheRunGoesOnAndOutsideTheOutsideStepsRunInstead() {
        hours(LISBON, WEEKDAYS, true);
        assertEquals(List.of("Open for a"), contactWritesAt("a", "2026-11-24T09:00:00Z"), "Tuesday 09:00 in Lisbon (UTC in winter)");
        assertEquals(List.of("We are closed, b"), contactWritesAt("b", "2026-11-24T08:59:59Z"), "a second before opening");
        assertEquals(List.of("We are closed, c"), contactWritesAt("c", "2026-11-24T18:00:00Z"), "closing time is outside");
        assertEquals(List.of("We are closed, d"), contactWritesAt("d", "2026-11-29T12:00:00Z"), "Sunday has no hours");
        assertEquals(List.of("We are closed, e"), contactWritesAt("e", "2026-11-27T13:00:00Z"), "Friday's lunch break");
        assertEquals(List.of("Open for f"), contactWritesAt("f", "2026-11-27T14:30:00Z"), "Friday afternoon");
        assertEquals(RunStatus.COMPLETED, ws.run("b").status(), "the outside steps end the run");
    }

    @Test
    void outsideHoursWithoutOutsideStepsTheRunEnds() {
        hours(LISBON, WEEKDAYS, false);
        assertEquals(List.of(), contactWritesAt("a", "2026-11-29T12:00:00Z"));
        assertEquals("outside; the run ends", ws.outcomes("a").get(0));
        assertEquals(RunStatus.COMPLETED, ws.run("a").status());
    }

    @Test
    void hoursAreReadInTheStepsTimeZoneNotInUtc() {
        hours(NEW_YORK, WEEKDAYS, true);
        assertEquals(List.of("We are closed, a"), contactWritesAt("a", "2026-11-24T10:00:00Z"), "05:00 in New York");
        assertEquals(List.of("Open for b"), contactWritesAt("b", "2026-11-24T14:00:00Z"), "09:00 in New York");
        assertEquals(List.of("We are closed, c"), contactWritesAt("c", "2026-11-24T23:30:00Z"), "18:30 in New York");
        assertEquals("2026-11-24T18:30", ws.run("c").history().get(0).details().get("localTime"));
        assertEquals("America/New_York", ws.run("c").history().get(0).details().get("timeZone"));
    }

    @Test
    void theSameOpeningHoursFollowTheClockChangeOfDaylightSavingTime() {
        hours(LISBON, WEEKDAYS, true);
        // Lisbon moves from UTC+1 to UTC on Sunday 25 October 2026: 08:30 UTC is 09:30 before, 08:30 after
        assertEquals(List.of("Open for a"), contactWritesAt("a", "2026-10-23T08:30:00Z"), "Friday, summer time: 09:30");
        assertEquals(List.of("We are closed, b"), contactWritesAt("b", "2026-10-26T08:30:00Z"), "Monday, winter time: 08:30");
        assertEquals(List.of("Open for c"), contactWritesAt("c", "2026-10-26T09:00:00Z"), "Monday, winter time: 09:00");
        // and the other way in spring (29 March 2026): 17:30 UTC is 17:30 on Thursday before, 18:30 on Monday after
        assertEquals(List.of("Open for d"), contactWritesAt("d", "2026-03-26T17:30:00Z"), "Thursday, winter time: 17:30");
        assertEquals(List.of("We are closed, e"), contactWritesAt("e", "2026-03-30T17:30:00Z"), "Monday, summer time: 18:30");
    }

    @Test
    void aDateRangeIncludesItsStartAndExcludesItsEndInTheStepsTimeZone() {
        ws.publish("sale", new DateTimeStep("sale", LISBON, null, LocalDateTime.parse("2026-12-24T00:00"),
                        LocalDateTime.parse("2026-12-26T00:00"), List.of(new AddCommentStep("usual", "Usual service"))),
                new AddCommentStep("holiday", "Holiday greeting"));
        assertEquals(List.of("Usual service"), contactWritesAt("a", "2026-12-23T23:59:59Z"));
        assertEquals(List.of("Holiday greeting"), contactWritesAt("b", "2026-12-24T00:00:00Z"));
        assertEquals(List.of("Holiday greeting"), contactWritesAt("c", "2026-12-25T23:59:59Z"));
        assertEquals(List.of("Usual service"), contactWritesAt("d", "2026-12-26T00:00:00Z"));
    }

    @Test
    void anOpenEndedRangeHoldsFromItsStartOn() {
        ws.publish("launch", new DateTimeStep("launch", NEW_YORK, null, LocalDateTime.parse("2026-07-01T09:00"), null,
                List.of(new AddCommentStep("soon", "Not yet"))), new AddCommentStep("live", "Launched"));
        assertEquals(List.of("Not yet"), contactWritesAt("a", "2026-07-01T12:59:00Z"), "08:59 in New York (UTC-4 in summer)");
        assertEquals(List.of("Launched"), contactWritesAt("b", "2026-07-01T13:00:00Z"));
        assertEquals(List.of("Launched"), contactWritesAt("c", "2030-01-01T00:00:00Z"));
    }
}
