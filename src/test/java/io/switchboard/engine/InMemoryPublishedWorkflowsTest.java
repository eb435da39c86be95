package io.switchboard.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.document.WorkflowParser;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.PublishedWorkflowsContract;

/** The published-workflows contract against the engine tier's in-memory fake. */
class InMemoryPublishedWorkflowsTest extends PublishedWorkflowsContract {

    static final WorkflowParser PARSER = new WorkflowParser(new WorkflowSchema());
    InMemoryInbox inbox;

    @Override
    protected PublishedWorkflows newStore() {
        inbox = new InMemoryInbox();
        return inbox;
    }

    @Override
    protected void publish(String ws, String id, String document) {
        int version = (int) inbox.workflows.stream().filter(w -> w.workspaceId().equals(ws) && w.id().equals(id)).count() + 1;
        try {
            inbox.workflows.add(PARSER.parse(ws, id, version, new ObjectMapper().readTree(document)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
