package io.switchboard.inspector;

import io.switchboard.config.Stores;
import io.switchboard.document.Draft;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ConversationIndex;
import io.switchboard.inbox.ConversationIndex.Listed;
import io.switchboard.inbox.ConversationIndex.Query;
import io.switchboard.inbox.ConversationIndex.RunFilter;
import io.switchboard.inbox.ConversationIndex.RunSummary;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.Directory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The workspace-wide lists: every conversation, every waiting run with its due time, every contact
 * queued for an agent. Filters and the next-page link come from the query string; the key never does.
 */
final class WorkspaceLists {

    static final int PAGE_SIZE = 25;

    /** The three lists, each a view of the conversation index with its own run filter. */
    enum View {
        CONVERSATIONS("/inspector/conversations", "inspector/conversations", "Conversations", RunFilter.ANY),
        WAITING("/inspector/waiting", "inspector/runs-list", "Waiting runs", RunFilter.WAITING),
        QUEUED("/inspector/queued", "inspector/runs-list", "Queued contacts", RunFilter.QUEUED);

        final String path;
        final String template;
        final String title;
        final RunFilter runs;

        View(String path, String template, String title, RunFilter runs) {
            this.path = path;
            this.template = template;
            this.title = title;
            this.runs = runs;
        }
    }

    private final Stores stores;
    private final ConversationIndex index;

    WorkspaceLists(Stores stores, ConversationIndex index) {
        this.stores = stores;
        this.index = index;
    }

    /** The template data of one page; {@link IllegalArgumentException} names a filter that is not valid. */
    Map<String, Object> page(String ws, View view, Map<String, String> params) {
        Filter filter = Filter.of(params, view);
        String after = params.getOrDefault("after", "").isBlank() ? null : params.get("after");
        ConversationIndex.Page page = index.page(ws, filter.query(view), after, PAGE_SIZE);
        Directory directory = Directory.of(stores.directory(), ws);
        List<Map<String, Object>> conversations = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Listed listed : page.conversations()) {
            Contact c = listed.contact();
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("id", c.id());
            contact.put("path", "/inspector/contacts/" + segment(c.id()));
            contact.put("name", c.name() == null ? c.id() : c.name());
            contact.put("status", c.conversation() == null ? "none" : c.conversation().status().name().toLowerCase());
            contact.put("openedAt", c.conversation() == null ? "" : String.valueOf(c.conversation().openedAt()));
            contact.put("channel", c.conversation() == null || c.conversation().channelId() == null ? ""
                    : c.conversation().channelId());
            contact.put("assignee", c.assigneeId() == null ? "nobody"
                    : directory.agent(c.assigneeId()).map(a -> a.name()).orElse(c.assigneeId()));
            contact.put("runs", listed.runs().stream().map(r -> run(contact, r)).toList());
            contact.put("moreRuns", listed.moreRuns());
            conversations.add(contact);
            listed.runs().forEach(r -> runs.add(run(contact, r)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", view.title);
        data.put("view", view.name().toLowerCase());
        data.put("action", view.path);
        data.put("conversations", conversations);
        data.put("runs", runs);
        data.put("examined", page.examined());
        data.put("next", page.next() == null ? "" : view.path + "?" + filter.queryString("after", page.next()));
        data.put("first", after == null ? "" : view.path + "?" + filter.queryString(null, null));
        data.put("filter", filter.view());
        data.put("statuses", List.of("open", "closed"));
        data.put("workflows", stores.workflows().list(ws).stream().map(Draft::id).sorted().toList());
        return data;
    }

    private static Map<String, Object> run(Map<String, Object> contact, RunSummary r) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", r.id());
        run.put("path", contact.get("path") + "/runs/" + segment(r.id()));
        run.put("contact", contact);
        run.put("workflowId", r.workflowId());
        run.put("status", r.status());
        run.put("state", r.state().replace('_', ' '));
        run.put("startedAt", String.valueOf(r.startedAt()));
        run.put("dueAt", r.dueAt() == null ? "" : r.dueAt().toString());
        run.put("queuedSince", r.queuedSince() == null ? "" : r.queuedSince().toString());
        return run;
    }

    /** Ids are chosen by platforms and integrators: a path segment is encoded, not just escaped. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A list's filters: conversation status, workflow, and the days the conversation opened in. */
    record Filter(String status, String workflow, String since, String until) {

        static Filter of(Map<String, String> params, View view) {
            String status = params.getOrDefault("status", "");
            if (!status.isEmpty() && !status.equals("open") && !status.equals("closed")) {
                throw new IllegalArgumentException("status must be open or closed, not '" + status + "'");
            }
            Filter f = new Filter(view == View.CONVERSATIONS ? status : "", params.getOrDefault("workflow", "").trim(),
                    params.getOrDefault("since", "").trim(), params.getOrDefault("until", "").trim());
            f.day("since", f.since);
            f.day("until", f.until);
            return f;
        }

        Query query(View view) {
            Instant from = since.isEmpty() ? null : day("since", since);
            Instant before = until.isEmpty() ? null : day("until", until).plusSeconds(86_400);
            return new Query(status.isEmpty() ? null : ConversationStatus.valueOf(status.toUpperCase()),
                    workflow.isEmpty() ? null : workflow, view.runs, from, before);
        }

        private Instant day(String name, String value) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a date like 2026-05-01, not '" + value + "'");
            }
        }

        /** The filters as a URL query, plus one extra parameter (the next page). */
        String queryString(String extra, String value) {
            StringJoiner q = new StringJoiner("&");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("status", status);
            all.put("workflow", workflow);
            all.put("since", since);
            all.put("until", until);
            if (extra != null) {
                all.put(extra, value);
            }
            all.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return q.toString();
        }

        Map<String, Object> view() {
            return Map.of("status", status, "workflow", workflow, "since", since, "until", until);
        }
    }
}
