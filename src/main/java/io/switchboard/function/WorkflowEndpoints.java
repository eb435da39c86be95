package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.document.Draft;
import io.switchboard.document.WorkflowLibrary;
import io.switchboard.document.WorkflowSchema;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Workflow documents: saved as drafts (validated), published to take effect. The rules are the library's. */
@Singleton
public class WorkflowEndpoints {

    private final Api api;
    private final WorkflowLibrary library;
    private final String schema;

    public WorkflowEndpoints(Api api, WorkflowLibrary library, WorkflowSchema schema) {
        this.api = api;
        this.library = library;
        this.schema = schema.text();
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
        return api.ok(201, view(library.create(ws, id, doc)));
    }

    HttpResponse update(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode doc = api.body(request);
        return api.ok(200, view(library.update(ws, request.param("workflowId"), doc)));
    }

    HttpResponse get(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, view(library.find(ws, request.param("workflowId"))));
    }

    HttpResponse list(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("workflows", library.list(ws).stream().map(this::view).toList()));
    }

    HttpResponse publish(HttpRequest request) {
        String ws = api.workspace(request);
        String id = request.param("workflowId");
        return api.ok(200, Map.of("id", id, "status", "published", "version", library.publish(ws, id)));
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
