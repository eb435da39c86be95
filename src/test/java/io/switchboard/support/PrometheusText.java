package io.switchboard.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples an operator's Prometheus scrapes from /q/metrics, read as name, labels and value. */
public record PrometheusText(List<Sample> samples) {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? ([-+0-9.eEInfNa]+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PrometheusText scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new PrometheusText(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(PrometheusText::sample)
                .toList());
    }

    /** How many {@code operation} requests to DynamoDB succeeded so far, as the application's meters count them. */
    public static double dynamoDbRequests(String operation) {
        return scrape().value("switchboard_dynamodb_requests_seconds_count",
                Map.of("operation", operation, "outcome", "ok"));
    }

    private static Sample sample(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new AssertionError("not a Prometheus sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
