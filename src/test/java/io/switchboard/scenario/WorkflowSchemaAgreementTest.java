package io.switchboard.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.Workspace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema an editor downloads and the API's validation agree: every document of the corpus
 * that the published schema accepts, the API saves; every one it refuses, the API refuses with 422.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class WorkflowSchemaAgreementTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void thePublishedSchemaAndTheApiAcceptAndRefuseTheSameDocuments() throws Exception {
        String served = RestAssured.get("/api/v1/schema/workflow.json").then().statusCode(200).extract().asString();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(served);
        Workspace ws = Workspace.create();

        List<Path> valid = corpus("valid");
        List<Path> invalid = corpus("invalid");
        assertFalse(valid.isEmpty() || invalid.isEmpty(), "the corpus is there");
        for (Path doc : valid) {
            JsonNode node = json.readTree(doc.toFile());
            assertTrue(schema.validate(node).isEmpty(), doc + " should satisfy the published schema: " + schema.validate(node));
            assertEquals(201, ws.api().body(node.toString()).post("/api/v1/workflows").statusCode(), doc.toString());
        }
        for (Path doc : invalid) {
            JsonNode node = json.readTree(doc.toFile());
            assertFalse(schema.validate(node).isEmpty(), doc + " should break the published schema");
            assertEquals(422, ws.api().body(node.toString()).post("/api/v1/workflows").statusCode(), doc.toString());
        }
    }

    private static List<Path> corpus(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(WorkflowSchemaAgreementTest.class.getResource("/workflows/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
