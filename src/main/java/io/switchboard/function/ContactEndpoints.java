package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.inbox.InboxActions;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore.AssignmentChange;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.OutboundSender;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A contact's conversation: read it, reply as an agent, assign, close. */
@Singleton
public class ContactEndpoints {

    private final Api api;
    private final Stores stores;
    private final InboxActions inbox;

    public ContactEndpoints(Api api, Stores stores, InboxActions inbox) {
        this.api = api;
        this.stores = stores;
        this.inbox = inbox;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/contacts/{contactId}/conversation", this::conversation);
        routes.add("GET", "/api/v1/contacts/{contactId}/messages", this::messages);
        routes.add("POST", "/api/v1/contacts/{contactId}/messages", this::reply);
        routes.add("PUT", "/api/v1/contacts/{contactId}/assignee", this::assign);
        routes.add("POST", "/api/v1/contacts/{contactId}/conversation/close", this::close);
        routes.add("POST", "/api/v1/contacts/{contactId}/channels", this::link);
    }

    HttpResponse conversation(HttpRequest request) {
        String ws = api.workspace(request);
        Contact contact = contact(ws, request.param("contactId"));
        Directory directory = Directory.of(stores.directory(), ws);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contactId", contact.id());
        out.put("contactName", contact.name());
        out.put("assignee", contact.assigneeId() == null ? null : agentView(directory, contact.assigneeId()));
        Conversation c = contact.conversation();
        if (c != null) {
            out.put("conversationId", c.id());
            out.put("status", c.status().wireName());
            out.put("openedBy", c.openedBy().wireName());
            out.put("channelId", c.channelId());
            out.put("openedAt", text(c.openedAt()));
            out.put("closedAt", text(c.closedAt()));
            out.put("lastIncomingAt", text(c.lastIncomingAt()));
            out.put("lastOutgoingAt", text(c.lastOutgoingAt()));
            out.put("comments", stores.comments().list(ws, contact.id(), c.id()).stream().map(cm -> Map.of(
                    "id", cm.id(), "author", cm.author(), "text", cm.text(), "createdAt", cm.createdAt().toString()))
                    .toList());
        }
        return api.ok(200, out);
    }

    HttpResponse messages(HttpRequest request) {
        String ws = api.workspace(request);
        Contact contact = contact(ws, request.param("contactId"));
        return api.ok(200, Map.of("messages", stores.messages().list(ws, contact.id()).stream().map(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("conversationId", m.conversationId());
            v.put("channelId", m.channelId());
            v.put("id", m.externalId());
            v.put("direction", m.direction().wireName());
            v.put("author", m.authorId());
            v.put("text", m.text());
            v.put("sentAt", m.sentAt().toString());
            if (m.attachment() != null) {
                v.put("attachment", m.attachment());
            }
            if (m.platformMessageId() != null) {
                v.put("platformMessageId", m.platformMessageId());
            }
            if (m.status() != null) {
                v.put("status", m.status().wireName());
            }
            return v;
        }).toList()));
    }

    HttpResponse reply(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        Contact contact = contact(ws, contactId);
        JsonNode body = api.body(request);
        String userId = Api.text(body, "userId", "$");
        String text = Api.text(body, "text", "$");
        if (stores.directory().agent(ws, userId).isEmpty()) {
            throw new ApiException(400, "invalid_request", "$.userId: no user " + userId);
        }
        String messageId = body.hasNonNull("messageId") ? body.get("messageId").asText() : UUID.randomUUID().toString();
        Contact updated;
        try {
            updated = inbox.reply(ws, contact, userId, text, messageId).orElseThrow(() -> new ApiException(409, "conversation_closed",
                        "contact " + contactId + " has no open conversation to reply in"));
        } catch (OutboundSender.SendFailed failed) {
            throw new ApiException(failed.status(), failed.code(), failed.getMessage());
        }
        return api.ok(201, Map.of("messageId", messageId, "conversationId", updated.conversation().id()));
    }

    HttpResponse assign(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        contact(ws, contactId);
        JsonNode body = api.body(request);
        if (!body.has("userId")) {
            throw new ApiException(400, "invalid_request", "$.userId is required: a user id, or null to unassign");
        }
        String userId = Api.optionalText(body, "userId");
        Directory directory = Directory.of(stores.directory(), ws);
        if (userId != null && directory.agent(userId).isEmpty()) {
            throw new ApiException(400, "invalid_request", "$.userId: no user " + userId);
        }
        String requestId = body.hasNonNull("requestId") ? body.get("requestId").asText() : UUID.randomUUID().toString();
        AssignmentChange change = inbox.assign(ws, contactId, userId, requestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assignee", change.assigneeId() == null ? null : agentView(directory, change.assigneeId()));
        out.put("changed", change.applied());
        return api.ok(200, out);
    }

    HttpResponse close(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        if (!inbox.close(ws, contact(ws, contactId), "user")) {
            throw new ApiException(409, "conversation_closed", "contact " + contactId + " has no open conversation");
        }
        return api.ok(200, Map.of("status", "closed"));
    }

    /** Links the contact's identity on another channel ({@link InboxActions#link}). */
    HttpResponse link(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        contact(ws, contactId);
        JsonNode body = api.body(request);
        String channelId = Api.text(body, "channelId", "$");
        String externalId = Api.text(body, "externalId", "$");
        stores.workspaces().channel(channelId).filter(c -> c.workspaceId().equals(ws))
                .orElseThrow(() -> new ApiException(400, "invalid_request", "$.channelId: no channel " + channelId));
        switch (inbox.link(ws, contactId, channelId, externalId)) {
            case IS_ANOTHER_CONTACT -> throw new ApiException(409, "conflict", "contact " + externalId
                    + " already exists with its own conversations; merging two contacts is not supported");
            case LINKED_ELSEWHERE -> throw new ApiException(409, "conflict", externalId + " on channel " + channelId
                    + " is already linked to another contact");
            case LINKED -> { }
        }
        return api.ok(201, Map.of("contactId", contactId, "channelId", channelId, "externalId", externalId));
    }

    private Contact contact(String ws, String contactId) {
        return stores.contacts().find(ws, contactId)
                .orElseThrow(() -> ApiException.notFound("no contact " + contactId));
    }

    private static Map<String, Object> agentView(Directory directory, String id) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        directory.agent(id).map(Agent::name).ifPresent(n -> v.put("name", n));
        return v;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
