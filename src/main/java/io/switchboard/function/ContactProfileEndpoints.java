package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.document.Problem;
import io.switchboard.inbox.InboxActions;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.ContactStore.FieldsChange;
import io.switchboard.inbox.ContactStore.TagsChange;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A contact's tags and fields, edited by a user or an integration; each change fires its trigger. */
@Singleton
public class ContactProfileEndpoints {

    /** Field names are what {@code $contact.<name>} variables can reach. */
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_FIELD_VALUE_LENGTH = 1000;

    private final Api api;
    private final Stores stores;
    private final InboxActions inbox;

    public ContactProfileEndpoints(Api api, Stores stores, InboxActions inbox) {
        this.api = api;
        this.stores = stores;
        this.inbox = inbox;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/contacts/{contactId}", this::profile);
        routes.add("PUT", "/api/v1/contacts/{contactId}/tags", this::tags);
        routes.add("PUT", "/api/v1/contacts/{contactId}/fields", this::fields);
    }

    /** The contact as steps see it: name, fields (answers saved by Ask a Question among them), tags, assignee. */
    HttpResponse profile(HttpRequest request) {
        String ws = api.workspace(request);
        var contact = stores.contacts().find(ws, request.param("contactId"))
                .orElseThrow(() -> ApiException.notFound("no contact " + request.param("contactId")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", contact.id());
        out.put("name", contact.name());
        out.put("fields", contact.fields());
        out.put("tags", contact.tags());
        out.put("assigneeId", contact.assigneeId());
        out.put("awaitingReply", contact.awaitingReply().size());
        return api.ok(200, out);
    }

    HttpResponse tags(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        JsonNode body = api.body(request);
        List<Problem> problems = new ArrayList<>();
        Set<String> add = tagList(body, "add", problems);
        Set<String> remove = tagList(body, "remove", problems);
        if (problems.isEmpty() && add.isEmpty() && remove.isEmpty()) {
            problems.add(new Problem("$", "give at least one tag in add or remove"));
        }
        add.stream().filter(remove::contains).findFirst().ifPresent(tag -> problems.add(
                new Problem("$.remove", "tag \"" + tag + "\" is both added and removed")));
        reject(problems);
        exists(ws, contactId);
        TagsChange change = inbox.changeTags(ws, contactId, add, remove, requestId(body), "user");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tags", change.contact().tags());
        out.put("added", change.added());
        out.put("removed", change.removed());
        return api.ok(200, out);
    }

    HttpResponse fields(HttpRequest request) {
        String ws = api.workspace(request);
        String contactId = request.param("contactId");
        JsonNode body = api.body(request);
        List<Problem> problems = new ArrayList<>();
        JsonNode fields = body.get("fields");
        Map<String, String> values = new LinkedHashMap<>();
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            problems.add(new Problem("$.fields", "an object of field names to values (null removes a field), "
                    + "with at least one field"));
        } else {
            fields.fields().forEachRemaining(e -> {
                String path = "$.fields." + e.getKey();
                if (!FIELD_NAME.matcher(e.getKey()).matches()) {
                    problems.add(new Problem(path, "a field name has 1 to 64 letters, digits or underscores"));
                } else if (e.getValue().isNull()) {
                    values.put(e.getKey(), null);
                } else if (!e.getValue().isTextual() && !e.getValue().isNumber() && !e.getValue().isBoolean()) {
                    problems.add(new Problem(path, "a field value is a string, a number, a boolean, or null to remove it"));
                } else if (e.getValue().asText().length() > MAX_FIELD_VALUE_LENGTH) {
                    problems.add(new Problem(path, "a field value has at most " + MAX_FIELD_VALUE_LENGTH + " characters"));
                } else {
                    values.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        reject(problems);
        exists(ws, contactId);
        FieldsChange change = inbox.changeFields(ws, contactId, values, requestId(body), "user");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fields", change.contact().fields());
        out.put("changed", change.changed());
        return api.ok(200, out);
    }

    private static Set<String> tagList(JsonNode body, String name, List<Problem> problems) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode array = body.get(name);
        if (array == null || array.isNull()) {
            return tags;
        }
        if (!array.isArray()) {
            problems.add(new Problem("$." + name, "a list of tags"));
            return tags;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode tag = array.get(i);
            if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > MAX_TAG_LENGTH) {
                problems.add(new Problem("$." + name + "[" + i + "]", "a tag is a text of 1 to " + MAX_TAG_LENGTH
                        + " characters"));
            } else {
                tags.add(tag.asText().trim());
            }
        }
        return tags;
    }

    private static void reject(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_request", problems.get(0).path() + ": " + problems.get(0).message(),
                    problems);
        }
    }

    private void exists(String ws, String contactId) {
        if (stores.contacts().find(ws, contactId).isEmpty()) {
            throw ApiException.notFound("no contact " + contactId);
        }
    }

    private static String requestId(JsonNode body) {
        return body.hasNonNull("requestId") ? body.get("requestId").asText() : UUID.randomUUID().toString();
    }
}
