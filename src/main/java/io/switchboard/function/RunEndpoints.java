package io.switchboard.function;

import io.switchboard.config.Stores;
import io.switchboard.engine.run.Run;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Workflow runs and their history: each step, when it ran, what it did and what it saw. */
@Singleton
public class RunEndpoints {

    private final Api api;
    private final Stores stores;

    public RunEndpoints(Api api, Stores stores) {
        this.api = api;
        this.stores = stores;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/contacts/{contactId}/runs", this::ofContact);
        routes.add("GET", "/api/v1/contacts/{contactId}/runs/{runId}", this::one);
    }

    HttpResponse ofContact(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        if (stores.contacts().find(ws, contactId).isEmpty()) {
            throw ApiException.notFound("no contact " + contactId);
        }
        return api.ok(200, Map.of("runs", stores.runs().listByContact(ws, contactId).stream()
                .map(RunEndpoints::view).toList()));
    }

    HttpResponse one(HttpRequest request) {
        String ws = api.workspace(request);
        String id = request.param("runId");
        return api.ok(200, view(stores.runs().find(ws, request.param("contactId"), id)
                .orElseThrow(() -> ApiException.notFound("no run " + id))));
    }

    static Map<String, Object> view(Run run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("workflowId", run.workflowId());
        out.put("workflowVersion", run.workflowVersion());
        out.put("contactId", run.contactId());
        out.put("conversationId", run.conversationId());
        out.put("status", run.status().wireName());
        out.put("state", run.state().wireName());
        out.put("startedAt", run.startedAt().toString());
        out.put("updatedAt", run.updatedAt().toString());
        out.put("dueAt", run.dueAt() == null ? null : run.dueAt().toString());
        // the wake-up token names the pending wait; it cannot wake a run before its due time
        out.put("wakeToken", run.wakeToken());
        out.put("trigger", run.triggerData());
        out.put("history", run.history());
        return out;
    }
}
