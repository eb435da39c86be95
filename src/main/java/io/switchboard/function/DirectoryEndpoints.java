package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.DirectoryEditor;
import io.switchboard.inbox.Team;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users (agents) with their online status, and teams. */
@Singleton
public class DirectoryEndpoints {

    private final Api api;
    private final Stores stores;
    private final DirectoryEditor editor;

    public DirectoryEndpoints(Api api, Stores stores) {
        this.api = api;
        this.stores = stores;
        this.editor = new DirectoryEditor(stores.directory());
    }

    public void register(Routes routes) {
        routes.add("POST", "/api/v1/users", this::createUser);
        routes.add("GET", "/api/v1/users", this::listUsers);
        routes.add("PUT", "/api/v1/users/{userId}/status", this::setStatus);
        routes.add("POST", "/api/v1/teams", this::createTeam);
        routes.add("GET", "/api/v1/teams", this::listTeams);
        routes.add("PUT", "/api/v1/teams/{teamId}/members", this::setMembers);
    }

    HttpResponse createUser(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String id = Api.id(Api.text(body, "id", "$"), "$.id");
        JsonNode online = body.get("online");
        if (online != null && !online.isNull() && !online.isBoolean()) {
            // as PUT .../status does: "yes" is not silently false
            throw new ApiException(400, "invalid_request", "$.online must be true or false",
                    List.of(new io.switchboard.document.Problem("$.online", "true or false")));
        }
        Agent agent = new Agent(id, Api.text(body, "name", "$"), Api.optionalText(body, "email"),
                online != null && online.asBoolean(false));
        editor.update(ws, d -> {
            if (d.agents().containsKey(id)) {
                throw new ApiException(409, "conflict", "user " + id + " already exists");
            }
            return d.withAgent(agent);
        });
        return api.ok(201, agent);
    }

    HttpResponse listUsers(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("users", stores.directory().load(ws).agents().values()));
    }

    HttpResponse setStatus(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        JsonNode online = body.get("online");
        if (online == null || !online.isBoolean()) {
            throw new ApiException(400, "invalid_request", "$.online is required and must be true or false");
        }
        String id = request.param("userId");
        Directory updated = editor.update(ws, d -> d.withAgent(d.agent(id)
                .orElseThrow(() -> ApiException.notFound("no user " + id)).withOnline(online.asBoolean())));
        return api.ok(200, updated.agents().get(id));
    }

    HttpResponse createTeam(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String id = Api.id(Api.text(body, "id", "$"), "$.id");
        Team team = new Team(id, Api.text(body, "name", "$"), members(body));
        editor.update(ws, d -> {
            if (d.teams().containsKey(id)) {
                throw new ApiException(409, "conflict", "team " + id + " already exists");
            }
            requireUsers(d, team.memberIds());
            return d.withTeam(team);
        });
        return api.ok(201, view(team));
    }

    HttpResponse listTeams(HttpRequest request) {
        String ws = api.workspace(request);
        return api.ok(200, Map.of("teams", stores.directory().load(ws).teams().values().stream()
                .map(DirectoryEndpoints::view).toList()));
    }

    HttpResponse setMembers(HttpRequest request) {
        String ws = api.workspace(request);
        List<String> members = members(api.body(request));
        String id = request.param("teamId");
        Directory updated = editor.update(ws, d -> {
            Team team = d.team(id).orElseThrow(() -> ApiException.notFound("no team " + id));
            requireUsers(d, members);
            return d.withTeam(new Team(team.id(), team.name(), members));
        });
        return api.ok(200, view(updated.teams().get(id)));
    }

    private static List<String> members(JsonNode body) {
        JsonNode node = body.get("members");
        if (node == null || !node.isArray()) {
            throw new ApiException(400, "invalid_request", "$.members is required and must be an array of user ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new ApiException(400, "invalid_request", "$.members[" + i + "] must be a user id");
            }
            if (!ids.contains(node.get(i).asText())) {
                ids.add(node.get(i).asText());
            }
        }
        return ids;
    }

    private static void requireUsers(Directory d, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!d.agents().containsKey(ids.get(i))) {
                throw new ApiException(400, "invalid_request", "$.members[" + i + "]: no user " + ids.get(i));
            }
        }
    }

    /** A team as the API writes it: {@code members}, the name it is created and updated with. */
    static Map<String, Object> view(Team team) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", team.id());
        out.put("name", team.name());
        out.put("members", team.memberIds());
        return out;
    }
}
