package io.switchboard.inspector;

import io.quarkus.qute.Engine;
import io.switchboard.config.Stores;
import io.switchboard.engine.run.Run;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ConversationIndex;
import io.switchboard.inbox.Directory;
import io.switchboard.document.Draft;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run inspector: server-rendered pages a support lead reads in a browser to learn what a
 * workflow did to a conversation and why. Every value is written through Qute's HTML escaping; the
 * pages only read, and sign-in is the one form that posts.
 */
@Singleton
public class InspectorPages {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Stores stores;
    private final Engine qute;
    private final InspectorSession session;
    private final Routes routes = new Routes();
    private final byte[] css;
    private final WorkspaceLists lists;

    public InspectorPages(Stores stores, Engine qute, ConversationIndex conversations) {
        this.stores = stores;
        this.qute = qute;
        this.session = new InspectorSession(stores);
        this.lists = new WorkspaceLists(stores, conversations);
        this.css = resource("/inspector/inspector.css");
        routes.add("GET", "/inspector", this::home);
        routes.add("POST", "/inspector/session", this::signIn);
        routes.add("POST", "/inspector/sign-out", this::signOut);
        routes.add("GET", "/inspector/inspector.css", r -> new HttpResponse(200,
                Map.of("content-type", "text/css; charset=utf-8", "cache-control", "max-age=300"), css));
        routes.add("GET", "/inspector/contact", this::contactLookup);
        routes.add("GET", "/inspector/contacts/{contactId}", this::contact);
        routes.add("GET", "/inspector/contacts/{contactId}/runs/{runId}", this::run);
        routes.add("GET", "/inspector/workflows/{workflowId}", this::workflow);
        for (WorkspaceLists.View view : WorkspaceLists.View.values()) {
            routes.add("GET", view.path, r -> list(r, view));
        }
    }

    /** The inspector's own route table: pages, not API routes, so they stay out of the OpenAPI document. */
    public Routes routes() {
        return routes;
    }

    HttpResponse home(HttpRequest request) {
        Optional<String> ws = session.workspace(request);
        if (ws.isEmpty()) {
            return page(200, "inspector/sign-in", Map.of("error", ""));
        }
        List<Map<String, Object>> workflows = stores.workflows().list(ws.get()).stream()
                .sorted(Comparator.comparing(Draft::id))
                .map(d -> Map.<String, Object>of("id", d.id(), "name", name(d), "published", d.publishedVersion()))
                .toList();
        // a page of agents: each row counts the agent's open contacts, one read per agent
        List<Map<String, Object>> agents = stores.directory().agents(ws.get(), null, 200).items().stream()
                .sorted(Comparator.comparing(a -> a.id()))
                .map(a -> Map.<String, Object>of("id", a.id(), "name", a.name(), "online", a.online(),
                        "open", stores.contacts().openContactsOf(ws.get(), a.id())))
                .toList();
        return page(200, "inspector/home", Map.of("workspace", ws.get(), "workflows", workflows, "agents", agents));
    }

    HttpResponse signIn(HttpRequest request) {
        String key = InspectorSession.form(request).getOrDefault("apiKey", "");
        if (session.workspaceOfKey(key).isEmpty()) {
            return page(401, "inspector/sign-in", Map.of("error", "That API key belongs to no workspace."));
        }
        return new HttpResponse(303, Map.of("location", "/inspector", "set-cookie",
                InspectorSession.signInCookie(key, request), "cache-control", "no-store"), new byte[0]);
    }

    HttpResponse signOut(HttpRequest request) {
        return new HttpResponse(303, Map.of("location", "/inspector", "set-cookie",
                InspectorSession.signOutCookie(request)), new byte[0]);
    }

    HttpResponse contactLookup(HttpRequest request) {
        String id = request.query().getOrDefault("contactId", "").trim();
        if (id.isEmpty()) {
            return redirect("/inspector");
        }
        return redirect("/inspector/contacts/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    HttpResponse contact(HttpRequest request) {
        Optional<String> ws = session.workspace(request);
        if (ws.isEmpty()) {
            return redirect("/inspector");
        }
        String contactId = request.param("contactId");
        Optional<Contact> contact = stores.contacts().find(ws.get(), contactId);
        if (contact.isEmpty()) {
            return page(404, "inspector/not-found", Map.of("what", "contact " + contactId));
        }
        Filter filter = Filter.of(request.query());
        List<Run> all = stores.runs().listByContact(ws.get(), contactId);
        List<Map<String, Object>> runs = all.stream().filter(filter::accepts)
                .sorted(Comparator.comparing(Run::startedAt).reversed())
                .map(r -> Map.<String, Object>of("id", r.id(), "path", "/inspector/contacts/" + WorkspaceLists.segment(contactId)
                        + "/runs/" + WorkspaceLists.segment(r.id()), "workflowId", r.workflowId(), "status", r.status().wireName(),
                        "startedAt", r.startedAt().toString(), "dueAt", r.isFinished() || r.dueAt() == null ? "" : r.dueAt().toString(),
                        "steps", r.history().size()))
                .toList();
        Directory directory = Directory.of(stores.directory(), ws.get());
        Contact c = contact.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact", Map.of("id", c.id(), "name", c.name() == null ? "" : c.name(),
                "assignee", c.assigneeId() == null ? "nobody" : directory.agent(c.assigneeId()).map(a -> a.name()).orElse(c.assigneeId()),
                "status", c.conversation() == null ? "none" : c.conversation().status().name().toLowerCase(),
                "tags", String.join(", ", c.tags())));
        data.put("runs", runs);
        data.put("workflows", all.stream().map(Run::workflowId).distinct().sorted().toList());
        data.put("statuses", List.of("running", "waiting", "completed", "failed"));
        data.put("filter", filter.view());
        return page(200, "inspector/contact", data);
    }

    HttpResponse run(HttpRequest request) {
        Optional<String> ws = session.workspace(request);
        if (ws.isEmpty()) {
            return redirect("/inspector");
        }
        String contactId = request.param("contactId");
        String runId = request.param("runId");
        Directory directory = Directory.of(stores.directory(), ws.get());
        return stores.runs().find(ws.get(), contactId, runId)
                .map(r -> page(200, "inspector/run", Map.of("run",
                        RunTimeline.of(r, id -> directory.agent(id).map(a -> a.name()).orElse(id)))))
                .orElseGet(() -> page(404, "inspector/not-found", Map.of("what", "run " + runId)));
    }

    HttpResponse list(HttpRequest request, WorkspaceLists.View view) {
        Optional<String> ws = session.workspace(request);
        if (ws.isEmpty()) {
            return redirect("/inspector");
        }
        try {
            return page(200, view.template, lists.page(ws.get(), view, request.query()));
        } catch (IllegalArgumentException badFilterOrLink) {
            return page(400, "inspector/bad-request", Map.of("problem", badFilterOrLink.getMessage()));
        }
    }

    HttpResponse workflow(HttpRequest request) {
        Optional<String> ws = session.workspace(request);
        if (ws.isEmpty()) {
            return redirect("/inspector");
        }
        String id = request.param("workflowId");
        int published = stores.workflows().find(ws.get(), id).map(Draft::publishedVersion).orElse(0);
        return (published == 0 ? Optional.<WorkflowTree>empty()
                : stores.workflows().version(ws.get(), id, published).map(WorkflowTree::of))
                .map(tree -> page(200, "inspector/workflow", Map.of("workflow", tree)))
                .orElseGet(() -> page(404, "inspector/not-found", Map.of("what", "published workflow " + id)));
    }

    /** The runs list's filters, from the query string: workflow, status and a start date. */
    private record Filter(String workflow, String status, String since, Instant sinceInstant) {

        static Filter of(Map<String, String> query) {
            String since = query.getOrDefault("since", "");
            Instant at = null;
            try {
                at = since.isBlank() ? null : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                since = "";
            }
            return new Filter(query.getOrDefault("workflow", ""), query.getOrDefault("status", ""), since, at);
        }

        boolean accepts(Run run) {
            return (workflow.isEmpty() || workflow.equals(run.workflowId()))
                    && (status.isEmpty() || status.equals(run.status().wireName()))
                    && (sinceInstant == null || !run.startedAt().isBefore(sinceInstant));
        }

        Map<String, Object> view() {
            return Map.of("workflow", workflow, "status", status, "since", since);
        }
    }

    private static String name(Draft draft) {
        var name = draft.document() == null ? null : draft.document().get("name");
        return name == null ? draft.id() : name.asText();
    }

    private HttpResponse page(int status, String template, Map<String, Object> data) {
        String html = qute.getTemplate(template).data(data).render();
        return new HttpResponse(status, Map.of("content-type", "text/html; charset=utf-8",
                "content-security-policy", CSP, "cache-control", "no-store", "x-content-type-options", "nosniff",
                "referrer-policy", "no-referrer"), html.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse redirect(String location) {
        return new HttpResponse(303, Map.of("location", location, "cache-control", "no-store"), new byte[0]);
    }

    private static byte[] resource(String path) {
        try (InputStream in = InspectorPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
