package io.switchboard.scenario;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date &amp; Time routes by business hours or a date range in the configured time zone. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class DateTimeTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    /** Moves the clock forward (never back, other tests' runs share it) to the next such local time. */
    void setClockToNext(DayOfWeek day, int hour) {
        ZonedDateTime now = clock.instant().atZone(NEW_YORK);
        ZonedDateTime at = now.plusDays(1).with(TemporalAdjusters.nextOrSame(day)).with(LocalTime.of(hour, 0));
        clock.set(at.toInstant());
    }

    @Test
    void businessHoursRouteInsideOnMondayMorningAndOutsideOnSundayInTheConfiguredZone() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Office hours", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "hours", "type": "date_time", "timeZone": "America/New_York",
                "businessHours": {"monday": [{"from": "09:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}],
                                  "friday": [{"from": "09:00", "to": "17:00"}]},
                "outside": [{"id": "closed", "type": "add_comment", "text": "We are closed"}]},
               {"id": "open", "type": "add_comment", "text": "An agent will reply shortly"}]}
            """);

        setClockToNext(DayOfWeek.MONDAY, 10);
        ws.contactSays("ada", "m-1", "Hi").then().statusCode(200);
        setClockToNext(DayOfWeek.SUNDAY, 10);
        ws.contactSays("ben", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of("An agent will reply shortly"), ws.conversation("ada").getList("comments.text"));
        assertEquals(List.of("We are closed"), ws.conversation("ben").getList("comments.text"),
                "the outside path ends the run; the inside steps do not run");
    }

    @Test
    void outsideADateRangeWithNoOutsideStepsTheRunEnds() {
        Workspace ws = Workspace.create();
        ws.publish("""
            {"name": "Holiday greeting", "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "season", "type": "date_time", "timeZone": "America/New_York",
                "dateRange": {"from": "2000-01-01T00:00", "to": "2000-01-02T00:00"}},
               {"id": "greet", "type": "add_comment", "text": "Happy new year"}]}
            """);

        ws.contactSays("cat", "m-1", "Hi").then().statusCode(200);

        assertEquals(List.of(), ws.conversation("cat").getList("comments"));
        assertEquals(List.of("outside; the run ends"), ws.runs("cat").getList("runs[0].history.outcome"));
        assertEquals("completed", ws.runs("cat").getString("runs[0].status"));
    }

    @Test
    void anUnknownTimeZoneOrAnEmptyWindowIsRefusedOnSave() {
        Workspace ws = Workspace.create();
        ws.api().body("""
            {"name": "Bad zone", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "date_time", "timeZone": "Mars/Olympus",
                        "businessHours": {"monday": [{"from": "17:00", "to": "09:00"}]}}]}
            """).post("/api/v1/workflows").then().statusCode(422)
                .body("problems.path", hasItem("$.steps[0].timeZone"),
                        "problems.path", hasItem("$.steps[0].businessHours.monday[0]"));
        ws.api().body("""
            {"name": "Neither", "trigger": {"type": "conversation_opened"},
             "steps": [{"type": "date_time", "timeZone": "UTC"}]}
            """).post("/api/v1/workflows").then().statusCode(422);
    }
}
