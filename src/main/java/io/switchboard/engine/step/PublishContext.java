package io.switchboard.engine.step;

import io.switchboard.engine.workflow.WorkflowDefinition;
import java.util.Optional;

/**
 * What a step type's publish check may ask about the rest of the workspace (Trigger Another
 * Workflow's target must be published), and where it reports what is wrong.
 */
public interface PublishContext {

    /** The workflow being published. */
    String workflowId();

    boolean exists(String workflowId);

    /** The version of another workflow that runs now, if it is published. */
    Optional<WorkflowDefinition> published(String workflowId);

    /** The type ({@code whatsapp}) of the workspace's channel with this id; empty when it has none. */
    Optional<String> channelType(String channelId);

    /** A problem at a JSON path of the document being published. */
    void problem(String path, String message);
}
