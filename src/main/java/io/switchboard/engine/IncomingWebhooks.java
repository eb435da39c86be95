package io.switchboard.engine;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.workflow.IncomingWebhook;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incoming Webhook: an outside system posts to one workflow's URL; the posted values become the run's
 * trigger variables. The caller has already been authenticated and the body read into a
 * {@link Delivery}.
 */
public final class IncomingWebhooks {

    private final PublishedWorkflows workflows;
    private final ContactStore contacts;
    private final RunStore runs;
    private final RunEngine engine;
    private final Clock clock;

    public IncomingWebhooks(PublishedWorkflows workflows, ContactStore contacts,
            RunStore runs, RunEngine engine, Clock clock) {
        this.workflows = workflows;
        this.contacts = contacts;
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * One delivery: the contact it names, and {@code deliveryId}, the same for a retry of the same
     * delivery (the caller's Idempotency-Key, else a hash of the body).
     */
    public record Delivery(String contactId, String contactName, String deliveryId, Map<String, String> values) {
    }

    /** The published version of the workflow when its trigger is an Incoming Webhook. */
    public Optional<WorkflowDefinition> published(String workspaceId, String workflowId) {
        return workflows.publishedFor(workspaceId, TriggerType.INCOMING_WEBHOOK).stream()
                .filter(w -> w.id().equals(workflowId)).findFirst();
    }

    public Started deliver(String workspaceId, WorkflowDefinition workflow, Delivery delivery) {
        IncomingWebhook settings = workflow.trigger().webhook();
        Contact contact = contacts.find(workspaceId, delivery.contactId()).orElse(null);
        if (contact == null && !settings.createContact()) {
            throw new StartRefused(StartRefused.Reason.UNKNOWN_CONTACT, "no contact " + delivery.contactId()
                    + " (read at " + settings.contactIdPath() + "), and this workflow's trigger does not create contacts");
        }
        if (contact == null) {
            contact = contacts.createIfMissing(workspaceId, delivery.contactId(), delivery.contactName(), clock.instant());
        }
        Map<String, String> data = new LinkedHashMap<>(delivery.values());
        data.put(RunEngine.MANUAL_WORKFLOW, workflow.id());
        TriggerEvent event = new TriggerEvent(workspaceId, TriggerType.INCOMING_WEBHOOK, "webhook:" + delivery.deliveryId(),
                contact.id(), contact.conversation() == null ? null : contact.conversation().id(), clock.instant(), data);
        return outcome(runs, engine.handle(event, contact), workflow, event);
    }

    /** The run this event started, or the one an earlier delivery of it started. */
    static Started outcome(RunStore runs, List<Run> started, WorkflowDefinition workflow, TriggerEvent event) {
        if (!started.isEmpty()) {
            Run run = started.get(0);
            return new Started(run.id(), run.contactId(), true, false, run.status().wireName());
        }
        String runId = RunEngine.runId(workflow, event);
        return runs.find(event.workspaceId(), event.contactId(), runId)
                .map(run -> new Started(run.id(), run.contactId(), false, true, run.status().wireName()))
                .orElse(new Started(null, event.contactId(), false, false, null));
    }
}
