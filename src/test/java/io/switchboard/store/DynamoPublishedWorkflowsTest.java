package io.switchboard.store;

import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.PublishedWorkflowsContract;
import java.time.Instant;

/** The published-workflows contract against the DynamoDB workflow store, publishing as the API does. */
class DynamoPublishedWorkflowsTest extends PublishedWorkflowsContract {

    DynamoWorkflowStore workflows;
    final LocalTable table = new LocalTable();

    @Override
    protected PublishedWorkflows newStore() {
        workflows = new DynamoWorkflowStore(table.db, table.name, table.json, new WorkflowParser(new WorkflowSchema()));
        return workflows;
    }

    @Override
    protected void publish(String ws, String id, String document) {
        publish(workflows, table.json, ws, id, document);
    }

    /** Saves the document as the workflow's next draft and publishes it, as the API does. */
    static void publish(DynamoWorkflowStore workflows, com.fasterxml.jackson.databind.ObjectMapper json, String ws,
            String id, String document) {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        long revision = workflows.find(ws, id).map(d -> d.revision()).orElse(0L);
        try {
            workflows.saveDraft(ws, id, json.readTree(document), revision, now);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        workflows.publish(ws, id, now);
    }

    @org.junit.jupiter.api.Test
    void anotherProcessesPublishReachesThisOneWithinTheListFreshness() {
        newStore();
        var nanos = new java.util.concurrent.atomic.AtomicLong();
        var elsewhere = new DynamoWorkflowStore(table.db, table.name, table.json,
                new WorkflowParser(new WorkflowSchema()), java.time.Duration.ofSeconds(2), nanos::get);
        var trigger = io.switchboard.engine.workflow.TriggerType.CONVERSATION_OPENED;
        org.junit.jupiter.api.Assertions.assertEquals(0, elsewhere.publishedFor("ws-fresh", trigger).size());

        publish("ws-fresh", "wf-1", workflow("conversation_opened", "hi"));

        // the publishing process sees it at once; the other one keeps its copy for the freshness time
        org.junit.jupiter.api.Assertions.assertEquals(1, workflows.publishedFor("ws-fresh", trigger).size());
        nanos.addAndGet(java.time.Duration.ofMillis(1999).toNanos());
        org.junit.jupiter.api.Assertions.assertEquals(0, elsewhere.publishedFor("ws-fresh", trigger).size());
        nanos.addAndGet(java.time.Duration.ofMillis(1).toNanos());
        org.junit.jupiter.api.Assertions.assertEquals(1, elsewhere.publishedFor("ws-fresh", trigger).size());
    }
}
