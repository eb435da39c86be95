package io.switchboard.engine.workflow;

import java.util.List;
import java.util.Optional;

/** The engine's read side of workflow storage: what is published, and each published version. */
public interface PublishedWorkflows {

    List<WorkflowDefinition> publishedFor(String workspaceId, TriggerType trigger);

    Optional<WorkflowDefinition> version(String workspaceId, String workflowId, int version);
}
