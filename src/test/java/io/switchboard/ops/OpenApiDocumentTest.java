package io.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.funqy.Funq;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.function.WakeUpFunctions;
import io.switchboard.function.http.Routes;
import io.switchboard.support.DynamoDbLocalResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document an integrator downloads from /q/openapi describes exactly the HTTP surface:
 * every route of the route table and every function, and nothing that does not exist.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Inject
    Routes routes;

    @Test
    void describesEveryRouteAndNoRouteThatDoesNotExist() {
        Set<String> served = new TreeSet<>();
        routes.described().forEach(r -> served.add(r.method() + " " + r.template()));
        for (var method : WakeUpFunctions.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Funq.class)) {
                served.add("POST /" + method.getName()); // Funqy serves each function at /<name>
            }
        }
        Set<String> documented = new TreeSet<>(operations(document()).keySet());

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(served);
        assertTrue(undocumented.isEmpty(), "routes without a description in META-INF/openapi.yaml: " + undocumented);
        assertTrue(phantom.isEmpty(), "descriptions in META-INF/openapi.yaml of routes that do not exist: " + phantom);
        assertTrue(served.size() > 40, "the route table is read: " + served.size());
    }

    @Test
    void everyOperationSaysWhatItDoesItsParametersAndItsErrors() {
        List<String> problems = new ArrayList<>();
        operations(document()).forEach((name, op) -> {
            if (blank(op.get("summary")) || blank(op.get("description"))) {
                problems.add(name + ": summary and description");
            }
            Map<?, ?> responses = (Map<?, ?>) op.get("responses");
            if (responses == null || responses.isEmpty()) {
                problems.add(name + ": responses");
            }
            String path = name.substring(name.indexOf(' ') + 1);
            Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(path);
            List<?> parameters = op.get("parameters") == null ? List.of() : (List<?>) op.get("parameters");
            while (m.find()) {
                String param = m.group(1);
                boolean declared = parameters.stream().map(p -> (Map<?, ?>) p)
                        .anyMatch(p -> param.equals(p.get("name")) && "path".equals(p.get("in")));
                if (!declared) {
                    problems.add(name + ": path parameter " + param);
                }
            }
            if (path.startsWith("/api/")) {
                if (!String.valueOf(op.get("security")).contains("apiKey")) {
                    problems.add(name + ": the API key it needs");
                }
                if (responses == null || !responses.containsKey("401")) {
                    problems.add(name + ": its 401 error");
                }
            }
        });
        assertEquals(List.of(), problems, "operations missing a part of their description");
    }

    @Test
    void theErrorShapeIsDescribedOnce() {
        JsonPath doc = document();
        assertEquals(List.of("error", "message"), doc.getList("components.schemas.Error.required"));
        assertEquals("#/components/schemas/Problem", doc.getString("components.schemas.Error.properties.problems.items.$ref"));
    }

    @Test
    void swaggerUiShowsTheDocument() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("swagger-ui"), page);
        assertFalse(given().get("/q/openapi").then().statusCode(200).extract().asString().isBlank());
    }

    private static JsonPath document() {
        return given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    /** "METHOD /path" to its operation object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(JsonPath doc) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (METHODS.contains(method)) {
                out.put(method.toUpperCase() + " " + path, (Map<String, Object>) op);
            }
        }));
        return out;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
