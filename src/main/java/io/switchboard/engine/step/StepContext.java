package io.switchboard.engine.step;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Directory;
import io.switchboard.engine.workflow.TriggerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a step sees while it runs. The contact and directory are read once per resumed segment of the
 * run (so a Branch after a Wait sees the conversation as it is at wake-up time) and kept up to date
 * by the steps that change them.
 */
public final class StepContext {

    private final Run run;
    private final WorkflowDefinition workflow;
    private final String effectKey;
    private final Instant now;
    private final InboxPorts inbox;
    private final SegmentCache cache;
    private final StepTypes types;
    private final List<TriggerEvent> fired = new ArrayList<>();

    public StepContext(Run run, WorkflowDefinition workflow, String effectKey, Instant now, InboxPorts inbox,
            SegmentCache cache, StepTypes types) {
        this.types = types;
        this.run = run;
        this.workflow = workflow;
        this.effectKey = effectKey;
        this.now = now;
        this.inbox = inbox;
        this.cache = cache;
    }

    public Run run() { return run; }
    public WorkflowDefinition workflow() { return workflow; }
    /** Unique per run and step execution; the idempotency key of this step's effects. */
    public String effectKey() { return effectKey; }
    public Instant now() { return now; }
    public InboxPorts inbox() { return inbox; }
    /** The step types the engine runs: what variables exist, which handler runs a step. */
    public StepTypes types() { return types; }

    /**
     * A trigger event this step caused (a tag it added, a conversation it closed). The engine starts
     * the runs it triggers once the step is recorded, one link further down the run's chain.
     */
    public void fire(TriggerEvent event) {
        fired.add(event);
    }

    public List<TriggerEvent> fired() {
        return List.copyOf(fired);
    }

    public Contact contact() {
        if (cache.contact == null) {
            cache.contact = inbox.contacts().find(run.workspaceId(), run.contactId())
                    .orElseThrow(() -> new IllegalStateException("contact " + run.contactId() + " no longer exists"));
        }
        return cache.contact;
    }

    public void contactChanged(Contact updated) {
        cache.contact = updated;
    }

    public Directory directory() {
        if (cache.directory == null) {
            cache.directory = Directory.of(inbox.directory(), run.workspaceId());
        }
        return cache.directory;
    }

    /** Reads shared by the steps of one segment of a run. */
    public static final class SegmentCache {
        private Contact contact;
        private Directory directory;

        public SegmentCache() {
        }

        /** Seeded with what the trigger already read, so the first segment reads nothing twice. */
        public SegmentCache(Contact contact, Directory directory) {
            this.contact = contact;
            this.directory = directory;
        }

        /** The contact as the segment holds it now; null when no step has read it yet. */
        public Contact contactRead() {
            return contact;
        }
    }
}
