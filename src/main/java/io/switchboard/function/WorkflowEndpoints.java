package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.document.InvalidWorkflowException;
import io.switchboard.document.Problem;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.store.DynamoWorkflowStore.Draft;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

/** Workflow documents: saved as drafts (validated), published to take effect. */
@Singleton
public class WorkflowEndpoints {

    private final Api api;
    private final Stores stores;
    private final Clock clock;
    private final String schema = new WorkflowSchema().text();

    public WorkflowEndpoints(Api api, Stores stores, Clock clock) {
        this.api = api;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * Trigger Another Workflow may only start a published workflow with a manual trigger, and not the
     * workflow itself: checked on publish, when the targets' state is what will be run against.
     */
    private void checkTriggeredWorkflows(String ws, String id, JsonNode steps, String path, List<Problem> problems) {
        if (steps == null || !steps.isArray()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String at = path + "[" + i + "]";
            if ("trigger_workflow".equals(step.path("type").asText())) {
                String target = step.path("workflowId").asText();
                String problem = null;
                if (target.equals(id)) {
                    problem = "a workflow cannot trigger itself";
                } else {
                    Optional<Draft> draft = stores.workflows().find(ws, target);
                    Optional<WorkflowDefinition> published = draft.filter(d -> d.publishedVersion() > 0)
                            .flatMap(d -> stores.workflows().version(ws, target, d.publishedVersion()));
                    if (draft.isEmpty()) {
                        problem = "no workflow " + target;
                    } else if (published.isEmpty()) {
                        problem = "workflow " + target + " is not published; publish it first";
                    } else if (published.get().trigger().type() != TriggerType.MANUAL) {
                        problem = "workflow " + target + " starts on " + published.get().trigger().type().wireName()
                                + "; only a workflow with a manual trigger can be triggered";
                    }
                }
                if (problem != null) {
                    problems.add(new Problem(at + ".workflowId", problem));
                }
            }
            checkTriggeredWorkflows(ws, id, step.get("onTimeout"), at + ".onTimeout", problems);
            checkTriggeredWorkflows(ws, id, step.get("else"), at + ".else", problems);
            checkTriggeredWorkflows(ws, id, step.get("outside"), at + ".outside", problems);
            JsonNode branches = step.get("branches");
            if (branches != null && branches.isArray()) {
                for (int b = 0; b < branches.size(); b++) {
                    checkTriggeredWorkflows(ws, id, branches.get(b).get("steps"), at + ".branches[" + b + "].steps",
                            problems);
                }
            }
        }
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/schema/workflow.json", r -> HttpResponse.json(200, schema));
        routes.add("POST", "/api/v1/workflows", this::create);
        routes.add("GET", "/api/v1/workflows", this::list);
        routes.add("GET", "/api/v1/workflows/{workflowId}", this::get);
        routes.add("PUT", "/api/v1/workflows/{workflowId}", this::update);
        routes.add("POST", "/api/v1/workflows/{workflowId}/publish", this::publish);
    }

    HttpResponse create(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode doc = api.body(request);
        String id = request.query().containsKey("id") ? Api.id(request.query().get("id"), "?id")
                : "wf_" + UUID.randomUUID().toString().substring(0, 8);
        Draft draft;
        try {
            draft = createDraft(ws, id, doc);
        } catch (ConcurrentUpdateException e) {
            throw new ApiException(409, "conflict", "workflow " + id + " already exists");
        }
        return api.ok(201, view(draft));
    }

    /** Saves a new workflow as a draft (validated); also how a template is installed. */
    public Draft createDraft(String ws, String id, JsonNode doc) {
        Draft draft = stores.workflows().saveDraft(ws, id, doc, 0, clock.instant());
        stores.workflows().register(ws, id);
        return draft;
    }

    HttpResponse update(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode doc = api.body(request);
        String id = request.param("workflowId");
        Draft current = stores.workflows().find(ws, id).orElseThrow(() -> ApiException.notFound("no workflow " + id));
        try {
            return api.ok(200, view(stores.workflows().saveDraft(ws, id, doc, current.revision(), clock.instant())));
        } catch (ConcurrentUpdateException e) {
            throw new ApiException(409, "conflict", "workflow " + id + " was changed meanwhile; read it again");
        }
    }

    HttpResponse get(HttpRequest request) {
        String ws = api.workspace(request);
        String id = request.param("workflowId");
        return api.ok(200, view(stores.workflows().find(ws, id)
                .orElseThrow(() -> ApiException.notFound("no workflow " + id))));
    }

    HttpResponse list(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("workflows", stores.workflows().list(ws).stream().map(this::view).toList()));
    }

    HttpResponse publish(HttpRequest request) {
        String ws = api.workspace(request);
        String id = request.param("workflowId");
        stores.workflows().find(ws, id).orElseThrow(() -> ApiException.notFound("no workflow " + id));
        return api.ok(200, Map.of("id", id, "status", "published", "version", publishDraft(ws, id)));
    }

    /** Publishes the workflow's draft as its next version; returns the version. */
    public int publishDraft(String ws, String id) {
        Draft draft = stores.workflows().find(ws, id).orElseThrow(() -> ApiException.notFound("no workflow " + id));
        List<Problem> problems = new ArrayList<>();
        checkTriggeredWorkflows(ws, id, draft.document().get("steps"), "$.steps", problems);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return stores.workflows().publish(ws, id, clock.instant()).version();
    }

    private Map<String, Object> view(Draft draft) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", draft.id());
        out.put("status", draft.publishedVersion() > 0 ? "published" : "draft");
        out.put("revision", draft.revision());
        out.put("publishedVersion", draft.publishedVersion());
        out.put("updatedAt", draft.updatedAt().toString());
        out.put("document", draft.document());
        return out;
    }
}
