package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.ManualStart;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.Contact;
import io.switchboard.document.Draft;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Manual Trigger: a user starts a published manual workflow for one contact. */
@Singleton
public class ManualTriggerEndpoints {

    private final Api api;
    private final Stores stores;
    private final RunEngine engine;
    private final Clock clock;

    public ManualTriggerEndpoints(Api api, Stores stores, RunEngine engine, Clock clock) {
        this.api = api;
        this.stores = stores;
        this.engine = engine;
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.add("POST", "/api/v1/workflows/{workflowId}/runs", this::start);
    }

    HttpResponse start(HttpRequest request) {
        String ws = api.workspace(request);
        String id = request.param("workflowId");
        JsonNode body = api.body(request);
        String contactId = Api.text(body, "contactId", "$");
        Draft draft = stores.workflows().find(ws, id).orElseThrow(() -> ApiException.notFound("no workflow " + id));
        Contact contact = stores.contacts().find(ws, contactId)
                .orElseThrow(() -> ApiException.notFound("no contact " + contactId));
        WorkflowDefinition published = draft.publishedVersion() == 0 ? null
                : stores.workflows().version(ws, id, draft.publishedVersion()).orElse(null);
        ManualStart.refusal(id, true, Optional.ofNullable(published), "started").ifPresent(refused -> {
            throw new ApiException(409, refused.reason() == ManualStart.Refusal.NOT_MANUAL ? "not_manual" : "not_published",
                    refused.message());
        });
        String requestId = body.hasNonNull("requestId") ? body.get("requestId").asText() : UUID.randomUUID().toString();
        String conversationId = contact.conversation() == null ? null : contact.conversation().id();
        List<Run> runs = engine.handle(new TriggerEvent(ws, TriggerType.MANUAL, "api:" + requestId, contactId,
                conversationId, clock.instant(), Map.of(RunEngine.MANUAL_WORKFLOW, id, "source", "user")), contact);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", !runs.isEmpty());
        if (runs.isEmpty()) {
            out.put("reason", "the contact does not meet the trigger's conditions, or this request already started it");
            return api.ok(200, out);
        }
        out.put("runId", runs.get(0).id());
        out.put("status", runs.get(0).status().wireName());
        return api.ok(201, out);
    }
}
