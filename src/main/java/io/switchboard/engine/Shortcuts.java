package io.switchboard.engine;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.Shortcut;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.DirectoryStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortcut: an agent starts a published workflow from the inbox for one contact, filling its form.
 * The form's values become {@code $trigger.form.<name>}, the agent {@code $trigger.user}.
 */
public final class Shortcuts {

    private final PublishedWorkflows workflows;
    private final ContactStore contacts;
    private final DirectoryStore directory;
    private final RunStore runs;
    private final RunEngine engine;
    private final Clock clock;

    public Shortcuts(PublishedWorkflows workflows, ContactStore contacts, DirectoryStore directory, RunStore runs,
            RunEngine engine, Clock clock) {
        this.workflows = workflows;
        this.contacts = contacts;
        this.directory = directory;
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
    }

    /** The published shortcut workflows this user may see, in name order. */
    public List<WorkflowDefinition> visibleTo(String workspaceId, String userId) {
        Directory people = Directory.of(directory, workspaceId);
        agent(people, userId);
        return workflows.publishedFor(workspaceId, TriggerType.SHORTCUT).stream()
                .filter(w -> w.trigger().shortcut().visibleTo(userId, people))
                .sorted(java.util.Comparator.comparing((WorkflowDefinition w) -> w.trigger().shortcut().name())
                        .thenComparing(WorkflowDefinition::id))
                .toList();
    }

    /**
     * Runs the shortcut for the contact. {@code requestId} names this use of it: a retry with the same
     * id starts nothing and reports the run the first one started.
     */
    public Started run(String workspaceId, String contactId, String workflowId, String userId,
            Map<String, Object> form, String requestId) {
        WorkflowDefinition workflow = workflows.publishedFor(workspaceId, TriggerType.SHORTCUT).stream()
                .filter(w -> w.id().equals(workflowId)).findFirst()
                .orElseThrow(() -> new StartRefused(StartRefused.Reason.NOT_FOUND,
                        "no published workflow " + workflowId + " with a shortcut trigger"));
        Directory people = Directory.of(directory, workspaceId);
        Agent agent = agent(people, userId);
        Shortcut shortcut = workflow.trigger().shortcut();
        if (!shortcut.visibleTo(userId, people)) {
            throw new StartRefused(StartRefused.Reason.NOT_ALLOWED, "user " + userId + " may not use the shortcut \""
                    + shortcut.name() + "\"; it is shown to " + audience(shortcut));
        }
        Contact contact = contacts.find(workspaceId, contactId).orElseThrow(() -> new StartRefused(
                StartRefused.Reason.NOT_FOUND, "no contact " + contactId));
        Shortcut.FilledForm filled = shortcut.fill(form);
        if (!filled.problems().isEmpty()) {
            throw new StartRefused(StartRefused.Reason.INVALID_FORM, "the form has " + filled.problems().size()
                    + " problem(s); nothing was started", filled.problems());
        }
        Map<String, String> data = new LinkedHashMap<>(filled.values());
        data.put("user", agent.id());
        data.put("user.name", agent.name());
        data.put("source", "user");
        data.put(RunEngine.MANUAL_WORKFLOW, workflow.id());
        // the contact is part of the event id: one request id reused for another contact is another use
        TriggerEvent event = new TriggerEvent(workspaceId, TriggerType.SHORTCUT, "shortcut:" + contactId + ":" + requestId,
                contactId, contact.conversation() == null ? null : contact.conversation().id(), clock.instant(), data);
        return IncomingWebhooks.outcome(runs, engine.handle(event, contact), workflow, event);
    }

    private static Agent agent(Directory people, String userId) {
        return people.agent(userId).orElseThrow(() -> new StartRefused(StartRefused.Reason.NOT_FOUND,
                "no user " + userId));
    }

    private static String audience(Shortcut s) {
        return (s.users().isEmpty() ? "" : "users " + s.users().stream().sorted().toList())
                + (s.users().isEmpty() || s.teams().isEmpty() ? "" : " and ")
                + (s.teams().isEmpty() ? "" : "members of teams " + s.teams().stream().sorted().toList());
    }
}
