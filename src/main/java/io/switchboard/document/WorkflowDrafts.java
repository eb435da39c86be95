package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.WorkflowDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where workflow documents are kept: drafts as written, and the versions published from them. */
public interface WorkflowDrafts extends PublishedWorkflows {

    /**
     * Saves a draft (validated first); {@code expectedRevision} 0 creates it.
     *
     * @throws io.switchboard.inbox.ConcurrentUpdateException when it exists already, or changed meanwhile
     */
    Draft saveDraft(String ws, String id, JsonNode document, long expectedRevision, Instant now);

    Optional<Draft> find(String ws, String id);

    List<Draft> list(String ws);

    /** Registers a new workflow id in the workspace's list. */
    void register(String ws, String id);

    /** Publishes the current draft as the next version. */
    WorkflowDefinition publish(String ws, String id, Instant now);
}
