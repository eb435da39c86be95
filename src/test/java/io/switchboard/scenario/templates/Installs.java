package io.switchboard.scenario.templates;

import io.switchboard.support.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/** Installing a template through the API, as a user does. */
final class Installs {

    private Installs() {
    }

    /** Installs and publishes the template with these parameter values; returns the workflow id. */
    static String install(Workspace ws, String templateId, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", parameters);
        body.put("publish", true);
        return ws.api().body(body).post("/api/v1/templates/" + templateId + "/install")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Opening hours from 00:00 to 24:00 on the given days, for stories that must land inside or outside. */
    static Map<String, Object> allDay(String... days) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : days) {
            hours.put(day, java.util.List.of(Map.of("from", "00:00", "to", "24:00")));
        }
        return hours;
    }

    /** The contact's tags, as the contact's page shows them. */
    static java.util.List<String> tags(Workspace ws, String contactId) {
        return ws.api().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().jsonPath().getList("tags");
    }

    /** The contact's fields, as the contact's page shows them. */
    static Map<String, String> fieldsOf(Workspace ws, String contactId) {
        return ws.api().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().jsonPath().getMap("fields");
    }

    /** Sets contact fields as a user or an integration does. */
    static void fields(Workspace ws, String contactId, Map<String, Object> fields) {
        ws.api().body(Map.of("fields", fields)).put("/api/v1/contacts/" + contactId + "/fields").then().statusCode(200);
    }

    /** The texts of the outgoing messages the contact received, oldest first. */
    static java.util.List<String> sentTo(Workspace ws, String contactId) {
        java.util.List<Map<String, Object>> messages = ws.messages(contactId).getList("messages");
        return messages.stream().filter(m -> "outgoing".equals(m.get("direction"))).map(m -> (String) m.get("text")).toList();
    }

    /** Moves the shared test clock forward (never back: other tests' runs share it) to the next such local time. */
    static void moveTo(io.switchboard.support.MutableClock clock, java.time.ZoneId zone, java.time.DayOfWeek day, int hour) {
        java.time.ZonedDateTime now = clock.instant().atZone(zone);
        clock.set(now.plusDays(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(day))
                .with(java.time.LocalTime.of(hour, 0)).toInstant());
    }
}
