package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.step.PublishContext;
import io.switchboard.engine.step.StepTypes;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.ConcurrentUpdateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of writing workflows: a document is saved as a draft once it parses, and takes effect
 * when published, which also checks what depends on the rest of the workspace (each step type's
 * publish check, wherever the step sits). Endpoints and template installs both come through here.
 */
public final class WorkflowLibrary {

    /** No workflow has this id; the message says so. */
    public static final class NoSuchWorkflow extends RuntimeException {
        public NoSuchWorkflow(String id) {
            super("no workflow " + id);
        }
    }

    /** The save lost a race or names a workflow that exists; the message says what to do. */
    public static final class WorkflowConflict extends RuntimeException {
        public WorkflowConflict(String message) {
            super(message);
        }
    }

    private final WorkflowDrafts drafts;
    private final WorkflowParser parser;
    private final StepTypes types;
    private final Clock clock;
    private final ChannelTypes channels;

    /** The type of a workspace's channel by its id; empty when the workspace has no such channel. */
    public interface ChannelTypes {
        Optional<String> typeOf(String workspaceId, String channelId);
    }

    public WorkflowLibrary(WorkflowDrafts drafts, WorkflowParser parser, StepTypes types, Clock clock,
            ChannelTypes channels) {
        this.drafts = drafts;
        this.parser = parser;
        this.types = types;
        this.clock = clock;
        this.channels = channels;
    }

    /** Saves a new workflow as a draft (validated). */
    public Draft create(String ws, String id, JsonNode document) {
        Draft draft;
        try {
            draft = drafts.saveDraft(ws, id, document, 0, clock.instant());
        } catch (ConcurrentUpdateException e) {
            throw new WorkflowConflict("workflow " + id + " already exists");
        }
        drafts.register(ws, id);
        return draft;
    }

    /** Saves a new draft of an existing workflow; what is published keeps running until published again. */
    public Draft update(String ws, String id, JsonNode document) {
        Draft current = find(ws, id);
        try {
            return drafts.saveDraft(ws, id, document, current.revision(), clock.instant());
        } catch (ConcurrentUpdateException e) {
            throw new WorkflowConflict("workflow " + id + " was changed meanwhile; read it again");
        }
    }

    public Draft find(String ws, String id) {
        return drafts.find(ws, id).orElseThrow(() -> new NoSuchWorkflow(id));
    }

    public Optional<Draft> findIfAny(String ws, String id) {
        return drafts.find(ws, id);
    }

    public List<Draft> list(String ws) {
        return drafts.list(ws);
    }

    /** The version that runs now, if the workflow is published. */
    public Optional<WorkflowDefinition> published(String ws, String id) {
        return drafts.find(ws, id).filter(d -> d.publishedVersion() > 0)
                .flatMap(d -> drafts.version(ws, id, d.publishedVersion()));
    }

    /**
     * Publishes the draft as the next version, once every step's publish check passes; returns the version.
     *
     * @throws InvalidWorkflowException with each problem at its JSON path
     */
    public int publish(String ws, String id) {
        Draft draft = find(ws, id);
        WorkflowDefinition candidate = parser.parse(ws, id, draft.publishedVersion() + 1, draft.document());
        List<Problem> problems = new ArrayList<>();
        types.checkOnPublish(candidate, new PublishContext() {
            @Override
            public String workflowId() {
                return id;
            }

            @Override
            public boolean exists(String other) {
                return drafts.find(ws, other).isPresent();
            }

            @Override
            public Optional<WorkflowDefinition> published(String other) {
                return WorkflowLibrary.this.published(ws, other);
            }

            @Override
            public Optional<String> channelType(String channelId) {
                return channels.typeOf(ws, channelId);
            }

            @Override
            public void problem(String path, String message) {
                problems.add(new Problem(path, message));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return drafts.publish(ws, id, clock.instant()).version();
    }
}
