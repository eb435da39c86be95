package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Stores;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.engine.assign.QueueOffers;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.DirectoryConflict;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.Page;
import io.switchboard.inbox.StatusChange;
import io.switchboard.inbox.Team;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users (agents) with their online status, and teams. Each maps the request to one directory call;
 * lists come a page at a time ({@code limit}, {@code after}: the last id of the previous page, given
 * back as {@code next}). A user who comes online is offered their teams' queued contacts at once.
 */
@Singleton
public class DirectoryEndpoints {

    private final Api api;
    private final DirectoryStore directory;
    private final QueueOffers offers;

    public DirectoryEndpoints(Api api, Stores stores, RunEngine engine) {
        this.api = api;
        this.directory = stores.directory();
        this.offers = new QueueOffers(stores.directory(), engine);
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
        try {
            directory.addAgent(ws, agent);
        } catch (DirectoryConflict taken) {
            throw new ApiException(409, "conflict", taken.getMessage());
        }
        return api.ok(201, agent);
    }

    HttpResponse listUsers(HttpRequest request) {
        String ws = api.workspace(request);
        Page<Agent> page = directory.agents(ws, after(request), limit(request));
        return api.ok(200, listed("users", page.items(), page.next()));
    }

    HttpResponse setStatus(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        JsonNode online = body.get("online");
        if (online == null || !online.isBoolean()) {
            throw new ApiException(400, "invalid_request", "$.online is required and must be true or false");
        }
        String id = request.param("userId");
        StatusChange change = directory.setOnline(ws, id, online.asBoolean())
                .orElseThrow(() -> ApiException.notFound("no user " + id));
        offers.agentCameOnline(ws, change);
        return api.ok(200, change.agent());
    }

    HttpResponse createTeam(HttpRequest request) {
        String ws = api.workspace(request);
        JsonNode body = api.body(request);
        String id = Api.id(Api.text(body, "id", "$"), "$.id");
        Team team = new Team(id, Api.text(body, "name", "$"), members(body));
        try {
            directory.addTeam(ws, team);
        } catch (DirectoryConflict conflict) {
            throw refused(conflict);
        }
        return api.ok(201, view(team));
    }

    HttpResponse listTeams(HttpRequest request) {
        String ws = api.workspace(request);
        Page<Team> page = directory.teams(ws, after(request), limit(request));
        return api.ok(200, listed("teams", page.items().stream().map(DirectoryEndpoints::view).toList(), page.next()));
    }

    HttpResponse setMembers(HttpRequest request) {
        String ws = api.workspace(request);
        List<String> members = members(api.body(request));
        String id = request.param("teamId");
        try {
            return api.ok(200, view(directory.setMembers(ws, id, members)
                    .orElseThrow(() -> ApiException.notFound("no team " + id))));
        } catch (DirectoryConflict conflict) {
            throw refused(conflict);
        }
    }

    private static ApiException refused(DirectoryConflict conflict) {
        return conflict.isUnknownMember()
                ? new ApiException(400, "invalid_request", "$.members[" + conflict.memberIndex() + "]: "
                        + conflict.getMessage())
                : new ApiException(409, "conflict", conflict.getMessage());
    }

    private static Map<String, Object> listed(String name, List<?> items, String next) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(name, items);
        if (next != null) {
            out.put("next", next);
        }
        return out;
    }

    private static String after(HttpRequest request) {
        String after = request.query() == null ? null : request.query().get("after");
        return after == null || after.isBlank() ? null : after;
    }

    private static int limit(HttpRequest request) {
        String limit = request.query() == null ? null : request.query().get("limit");
        if (limit == null) {
            return DirectoryStore.MAX_PAGE;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= DirectoryStore.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(400, "invalid_request", "query parameter limit must be a whole number from 1 to "
                + DirectoryStore.MAX_PAGE, List.of(new io.switchboard.document.Problem("limit",
                        "1 to " + DirectoryStore.MAX_PAGE)));
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

    /** A team as the API writes it: {@code members}, the name it is created and updated with. */
    static Map<String, Object> view(Team team) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", team.id());
        out.put("name", team.name());
        out.put("members", team.memberIds());
        return out;
    }
}
