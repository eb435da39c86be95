package io.switchboard.engine;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.WakeUpCall;
import io.switchboard.engine.workflow.PublishedWorkflows;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ConcurrentUpdateException;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.OpenedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory fakes of the engine's ports, for the engine tier of tests only. They keep the contracts
 * the DynamoDB adapters keep (version conditions, idempotency keys), which the store tests check.
 */
final class InMemoryInbox implements ContactStore, CommentStore, DirectoryStore, RunStore, PublishedWorkflows {

    final Map<String, Contact> contacts = new HashMap<>();
    final Map<String, String> assignKeys = new HashMap<>();
    final Map<String, String> previousAssignees = new HashMap<>();
    final Map<String, String> enrolments = new HashMap<>();
    final Map<String, TagsChange> tagChanges = new HashMap<>();
    final Map<String, FieldsChange> fieldChanges = new HashMap<>();
    final Map<String, Comment> comments = new LinkedHashMap<>();
    final Map<String, Run> runs = new HashMap<>();
    final Map<String, Long> versions = new HashMap<>();
    final List<WorkflowDefinition> workflows = new ArrayList<>();
    Directory directory = Directory.empty();
    long tickets;
    int assignments;
    /** When set, the next run save fails as if the process died right before it. */
    boolean crashOnNextSave;
    private boolean crashAfterClaim;

    /** The save after the next one (the one after a wake-up's claim) fails as if the process died. */
    void crashAfterClaim() {
        crashAfterClaim = true;
    }

    // --- contacts
    @Override
    public Optional<Contact> find(String ws, String contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    @Override
    public Contact recordIncoming(String ws, IncomingContact c, String channelId, Instant at, String conversationId) {
        Contact current = contacts.get(c.id());
        if (current != null && current.hasOpenConversation()) {
            return current;
        }
        Contact opened = new Contact(ws, c.id(), c.name(), Map.of(), Set.of(), current == null ? null : current.assigneeId(),
                new Conversation(conversationId, ConversationStatus.OPEN, OpenedBy.CONTACT, channelId, at, null, at, null),
                current == null ? Set.of() : current.awaitingReply());
        contacts.put(c.id(), opened);
        return opened;
    }

    @Override
    public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
        return contacts.computeIfAbsent(contactId, id -> new Contact(ws, id, name == null ? id : name, Map.of(),
                Set.of(), null, null));
    }

    @Override
    public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
        Contact c = contacts.get(contactId);
        Conversation v = c.conversation();
        Contact updated = c.withConversation(new Conversation(v.id(), v.status(), v.openedBy(), v.channelId(),
                v.openedAt(), v.closedAt(), v.lastIncomingAt(), at));
        contacts.put(contactId, updated);
        return Optional.of(updated);
    }

    @Override
    public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
        Contact c = contacts.get(contactId);
        if (effectKey.equals(assignKeys.get(contactId))) {
            return new AssignmentChange(previousAssignees.get(contactId), c.assigneeId(), false);
        }
        assignKeys.put(contactId, effectKey);
        previousAssignees.put(contactId, c.assigneeId());
        contacts.put(contactId, c.withAssignee(assigneeId));
        assignments++;
        return new AssignmentChange(c.assigneeId(), assigneeId, true);
    }

    @Override
    public Optional<Contact> openConversation(String ws, String contactId, String conversationId, OpenedBy openedBy,
            Instant at) {
        Contact c = contacts.get(contactId);
        if (c.hasOpenConversation()) {
            return conversationId.equals(c.conversation().id()) ? Optional.of(c) : Optional.empty();
        }
        String channel = c.conversation() == null ? null : c.conversation().channelId();
        Contact opened = c.withConversation(new Conversation(conversationId, ConversationStatus.OPEN, openedBy, channel,
                at, null, null, null));
        contacts.put(contactId, opened);
        return Optional.of(opened);
    }

    @Override
    public boolean close(String ws, String contactId, String conversationId, Instant at) {
        Contact c = contacts.get(contactId);
        Conversation v = c.conversation();
        if (!v.isOpen()) {
            return false;
        }
        contacts.put(contactId, c.withConversation(new Conversation(v.id(), ConversationStatus.CLOSED, v.openedBy(),
                v.channelId(), v.openedAt(), at, v.lastIncomingAt(), v.lastOutgoingAt())));
        return true;
    }

    @Override
    public Optional<String> linkedContact(String ws, String channelId, String externalId) {
        return Optional.empty();
    }

    @Override
    public Optional<String> addressOn(String ws, String contactId, String channelId) {
        return Optional.empty();
    }

    @Override
    public boolean link(String ws, String contactId, String channelId, String externalId) {
        throw new UnsupportedOperationException("not used by the engine");
    }

    @Override
    public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove, String effectKey,
            Instant at) {
        Contact c = contacts.get(contactId);
        if (tagChanges.containsKey(effectKey)) {
            return tagChanges.get(effectKey);
        }
        Set<String> tags = new java.util.TreeSet<>(c.tags());
        Set<String> added = new java.util.TreeSet<>(add);
        added.removeAll(tags);
        Set<String> removed = new java.util.TreeSet<>(remove);
        removed.retainAll(tags);
        tags.addAll(added);
        tags.removeAll(removed);
        Contact updated = new Contact(ws, contactId, c.name(), c.fields(), tags, c.assigneeId(), c.conversation(),
                c.awaitingReply());
        contacts.put(contactId, updated);
        TagsChange change = new TagsChange(added, removed, updated);
        tagChanges.put(effectKey, change);
        return change;
    }

    @Override
    public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
        Contact c = contacts.get(contactId);
        if (c == null) {
            return;
        }
        Set<String> awaiting = new java.util.HashSet<>(c.awaitingReply());
        if (waiting) {
            awaiting.add(runId);
        } else {
            awaiting.remove(runId);
        }
        contacts.put(contactId, new Contact(ws, contactId, c.name(), c.fields(), c.tags(), c.assigneeId(),
                c.conversation(), awaiting));
    }

    @Override
    public FieldsChange changeFields(String ws, String contactId, Map<String, String> values, String effectKey,
            Instant at) {
        Contact c = contacts.get(contactId);
        if (fieldChanges.containsKey(effectKey)) {
            return fieldChanges.get(effectKey);
        }
        Map<String, String> fields = new HashMap<>(c.fields());
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!java.util.Objects.equals(fields.get(k), v)) {
                changed.put(k, v);
                if (v == null) {
                    fields.remove(k);
                } else {
                    fields.put(k, v);
                }
            }
        });
        Contact updated = new Contact(ws, contactId, c.name(), fields, c.tags(), c.assigneeId(), c.conversation(),
                c.awaitingReply());
        contacts.put(contactId, updated);
        FieldsChange change = new FieldsChange(changed, updated);
        fieldChanges.put(effectKey, change);
        return change;
    }

    @Override
    public int openContactsOf(String ws, String agentId) {
        return (int) contacts.values().stream().filter(c -> agentId.equals(c.assigneeId()) && c.hasOpenConversation()).count();
    }

    // --- comments
    @Override
    public boolean add(Comment comment) {
        return comments.putIfAbsent(comment.id(), comment) == null;
    }

    @Override
    public List<Comment> list(String ws, String contactId, String conversationId) {
        return List.copyOf(comments.values());
    }

    // --- directory
    @Override
    public Directory load(String ws) {
        return directory;
    }

    @Override
    public void replace(String ws, Directory next) {
        directory = new Directory(next.agents(), next.teams(), next.version() + 1);
    }

    @Override
    public long nextRoundRobinTicket(String ws, String teamId) {
        return tickets++;
    }

    // --- runs (stored as copies, as a database would)
    private final Map<String, String> active = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public synchronized String claimActive(String ws, String workflowId, String contactId, String runId,
            String replacing) {
        String key = workflowId + "|" + contactId;
        String holder = active.get(key);
        if (holder == null || holder.equals(runId) || holder.equals(replacing)) {
            active.put(key, runId);
            return runId;
        }
        return holder;
    }

    @Override
    public synchronized void releaseActive(String ws, String workflowId, String contactId, String runId) {
        active.remove(workflowId + "|" + contactId, runId);
    }

    @Override
    public boolean enrolOnce(String ws, String workflowId, String contactId, String runId, Instant at) {
        return runId.equals(enrolments.computeIfAbsent(workflowId + "|" + contactId, k -> runId));
    }

    @Override
    public boolean create(Run run) {
        if (runs.containsKey(run.id())) {
            return false;
        }
        run.markSaved(1);
        runs.put(run.id(), copy(run));
        return true;
    }

    @Override
    public Optional<Run> find(String ws, String contactId, String runId) {
        return Optional.ofNullable(runs.get(runId)).map(InMemoryInbox::copy);
    }

    @Override
    public void save(Run run) {
        if (crashAfterClaim) {
            crashAfterClaim = false;
            crashOnNextSave = true;
        } else if (crashOnNextSave) {
            crashOnNextSave = false;
            throw new ProcessDied();
        }
        if (runs.get(run.id()).version() != run.version()) {
            throw new ConcurrentUpdateException("run " + run.id());
        }
        run.markSaved(run.version() + 1);
        runs.put(run.id(), copy(run));
    }

    @Override
    public List<Run> listByContact(String ws, String contactId) {
        return runs.values().stream().filter(r -> r.contactId().equals(contactId)).map(InMemoryInbox::copy).toList();
    }

    @Override
    public List<WakeUpCall> due(Instant now, int limit) {
        return runs.values().stream().filter(r -> r.dueAt() != null && !r.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Run::dueAt)).limit(limit)
                .map(r -> new WakeUpCall(r.workspaceId(), r.contactId(), r.id(), null, r.dueAt())).toList();
    }

    /** One shard: the fake keeps no index to spread. */
    @Override
    public int dueShards() {
        return 1;
    }

    @Override
    public List<WakeUpCall> dueInShard(int shard, Instant from, Instant until, int limit) {
        return runs.values().stream().filter(r -> r.dueAt() != null && !r.dueAt().isBefore(from) && r.dueAt().isBefore(until))
                .sorted(Comparator.comparing(Run::dueAt)).limit(limit)
                .map(r -> new WakeUpCall(r.workspaceId(), r.contactId(), r.id(), r.wakeToken(), r.dueAt())).toList();
    }

    static Run copy(Run r) {
        return new Run(r.workspaceId(), r.id(), r.workflowId(), r.workflowVersion(), r.contactId(), r.conversationId(),
                r.triggerData(), r.startedAt(), r.status(), r.cursor(), r.executedSteps(), r.dueAt(), r.leaseUntil(),
                r.wakeToken(), r.updatedAt(), r.version(), r.history(), r.variables());
    }

    // --- workflows
    @Override
    public List<WorkflowDefinition> publishedFor(String ws, TriggerType trigger) {
        return workflows.stream().filter(w -> w.trigger().type() == trigger).toList();
    }

    @Override
    public Optional<WorkflowDefinition> version(String ws, String id, int version) {
        return workflows.stream().filter(w -> w.id().equals(id) && w.version() == version).findFirst();
    }

    /** What a process crash looks like to the code that was running. */
    static final class ProcessDied extends RuntimeException {
    }
}
