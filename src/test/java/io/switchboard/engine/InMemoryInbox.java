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
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.TagEdit;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.DirectoryConflict;
import io.switchboard.inbox.DirectorySnapshot;
import io.switchboard.inbox.Page;
import io.switchboard.inbox.QueuedContact;
import io.switchboard.inbox.StatusChange;
import io.switchboard.inbox.Team;
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
import java.util.TreeSet;

/**
 * In-memory fakes of the engine's ports, for the engine tier of tests only. They keep the contracts
 * the DynamoDB adapters keep (version conditions, idempotency keys), which the store tests check.
 */
final class InMemoryInbox implements ContactStore, CommentStore, DirectoryStore, RunStore, PublishedWorkflows {

    final Map<String, Contact> contacts = new HashMap<>();
    final Map<String, String> assignKeys = new HashMap<>();
    final Map<String, String> previousAssignees = new HashMap<>();
    final Map<String, String> enrolments = new HashMap<>();
    /** Per contact, like the item's tagKey/fieldKey: the last change's key and what it changed. */
    final Map<String, String> tagKeys = new HashMap<>();
    final Map<String, TagsChange> tagChanges = new HashMap<>();
    final Map<String, String> fieldKeys = new HashMap<>();
    final Map<String, FieldsChange> fieldChanges = new HashMap<>();
    /** Per contact and kind of change ("assign|ada"), like the item's recent keys: every key applied. */
    final Map<String, Set<String>> recentKeys = new HashMap<>();
    final Map<String, String> links = new HashMap<>();
    final Map<String, String> addresses = new HashMap<>();
    final Map<String, Comment> comments = new LinkedHashMap<>();
    final Map<String, Run> runs = new HashMap<>();
    final List<WorkflowDefinition> workflows = new ArrayList<>();
    DirectorySnapshot directory = DirectorySnapshot.empty();
    /** Per pool, the queued contacts by queue key (waiting time, then run id). */
    final Map<String, java.util.TreeMap<String, QueuedContact>> queues = new HashMap<>();
    final Map<String, Long> tickets = new HashMap<>();
    int assignments;
    /** When set, the next run save fails as if the process died right before it. */
    boolean crashOnNextSave;
    private boolean crashAfterClaim;
    /** When set, the next comment fails as if the process died right before writing it. */
    boolean crashOnNextComment;
    /** Run writes that reached the store (claims, checkpoints, ends). */
    int runSaves;
    /** Runs stored new (creates that found no run of their id). */
    int runCreates;
    /** When set, the next create fails as if the process died right before it. */
    boolean crashOnNextCreate;
    /** When set, the next comment fails as a store that stayed unavailable through its client's retries. */
    boolean outageOnNextComment;

    /** The save after the next one (the one after a wake-up's claim) fails as if the process died. */
    void crashAfterClaim() {
        crashAfterClaim = true;
    }

    // --- contacts (the rules of DynamoContactStore; ContactStoreContract runs both)
    @Override
    public Optional<Contact> find(String ws, String contactId) {
        Contact c = contacts.get(contactId);
        // like the stored item's attribute, the mark outlives the contact's other changes
        return Optional.ofNullable(c == null || !wakeUpMarks.containsKey(contactId) ? c
                : c.withWakeUpMark(wakeUpMarks.get(contactId)));
    }

    private final Map<String, io.switchboard.inbox.WakeUpMark> wakeUpMarks = new java.util.concurrent.ConcurrentHashMap<>();

    private Contact existing(String contactId) {
        Contact c = contacts.get(contactId);
        if (c == null) {
            throw new IllegalArgumentException("contact " + contactId + " does not exist");
        }
        return c;
    }

    @Override
    public Contact recordIncoming(String ws, IncomingContact c, String channelId, Instant at, String conversationId) {
        Contact current = contacts.get(c.id());
        if (current != null && current.hasOpenConversation()) {
            Conversation v = current.conversation();
            Contact updated = new Contact(ws, c.id(), c.name() != null ? c.name() : current.name(), current.fields(),
                    current.tags(), current.assigneeId(), new Conversation(v.id(), v.status(), v.openedBy(),
                    v.channelId(), v.openedAt(), v.closedAt(), at, v.lastOutgoingAt()), current.awaitingReply(),
                    wroteFrom(current, channelId, at));
            contacts.put(c.id(), updated);
            return updated;
        }
        Contact opened = io.switchboard.inbox.Opening.opened(ws, current, c, channelId, at, conversationId);
        contacts.put(c.id(), opened);
        return opened;
    }

    private static Map<String, Instant> wroteFrom(Contact current, String channelId, Instant at) {
        Map<String, Instant> lastIncoming = new HashMap<>(current == null ? Map.of() : current.lastIncomingByChannel());
        lastIncoming.put(channelId, at);
        return lastIncoming;
    }

    @Override
    public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
        return contacts.computeIfAbsent(contactId, id -> new Contact(ws, id, name == null ? id : name, Map.of(),
                Set.of(), null, null));
    }

    @Override
    public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
        Contact c = contacts.get(contactId);
        if (c == null || !c.hasOpenConversation()) {
            return Optional.empty();
        }
        Conversation v = c.conversation();
        Contact updated = c.withConversation(new Conversation(v.id(), v.status(), v.openedBy(), v.channelId(),
                v.openedAt(), v.closedAt(), v.lastIncomingAt(), at));
        contacts.put(contactId, updated);
        return Optional.of(updated);
    }

    /** Like the stored item, a contact remembers only its last assignment's key and the assignee it replaced. */
    @Override
    public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
        Contact c = existing(contactId);
        if (effectKey.equals(assignKeys.get(contactId))) {
            return new AssignmentChange(previousAssignees.get(contactId), c.assigneeId(), false);
        }
        if (!recent("assign", contactId).add(effectKey)) {
            return new AssignmentChange(null, c.assigneeId(), false);
        }
        assignKeys.put(contactId, effectKey);
        previousAssignees.put(contactId, c.assigneeId());
        contacts.put(contactId, c.withAssignee(assigneeId));
        assignments++;
        return new AssignmentChange(c.assigneeId(), assigneeId, true);
    }

    @Override
    public synchronized AssignmentChange assignAsRead(String ws, String contactId, String assigneeId, String effectKey,
            Instant at, Contact asRead, String stepPath) {
        Contact c = existing(contactId);
        boolean repeat = effectKey.equals(assignKeys.get(contactId)) || recent("assign", contactId).contains(effectKey);
        boolean open = asRead.hasOpenConversation();
        boolean unchanged = java.util.Objects.equals(c.assigneeId(), asRead.assigneeId())
                && c.tags().equals(asRead.tags()) && c.fields().equals(asRead.fields())
                && (!open || (c.hasOpenConversation() && c.conversation().id().equals(asRead.conversation().id())
                        && java.util.Objects.equals(c.conversation().lastOutgoingAt(),
                                asRead.conversation().lastOutgoingAt())
                        && java.util.Objects.equals(c.conversation().lastIncomingAt(),
                                asRead.conversation().lastIncomingAt())));
        if (!repeat && !unchanged) {
            throw new io.switchboard.inbox.ChangedSinceRead("contact " + contactId);
        }
        AssignmentChange change = assign(ws, contactId, assigneeId, effectKey, at);
        if (change.applied()) {
            wakeUpMarks.put(contactId, new io.switchboard.inbox.WakeUpMark(effectKey, stepPath));
        }
        return change;
    }

    @Override
    public Optional<Contact> openConversation(String ws, String contactId, String conversationId, OpenedBy openedBy,
            Instant at) {
        Contact c = existing(contactId);
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
        Conversation v = c == null ? null : c.conversation();
        if (v == null || !v.isOpen() || !v.id().equals(conversationId)) {
            return false;
        }
        contacts.put(contactId, c.withConversation(new Conversation(v.id(), ConversationStatus.CLOSED, v.openedBy(),
                v.channelId(), v.openedAt(), at, v.lastIncomingAt(), v.lastOutgoingAt())));
        return true;
    }

    @Override
    public Optional<String> linkedContact(String ws, String channelId, String externalId) {
        return Optional.ofNullable(links.get(channelId + "|" + externalId));
    }

    @Override
    public Optional<String> addressOn(String ws, String contactId, String channelId) {
        return Optional.ofNullable(addresses.get(contactId + "|" + channelId));
    }

    @Override
    public boolean link(String ws, String contactId, String channelId, String externalId) {
        String holder = links.putIfAbsent(channelId + "|" + externalId, contactId);
        if (holder != null && !holder.equals(contactId)) {
            return false;
        }
        addresses.put(contactId + "|" + channelId, externalId);
        return true;
    }

    /** A replayed key reports the change it made first, with the contact as it is now. */
    @Override
    public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove, String effectKey,
            Instant at) {
        Contact c = existing(contactId);
        TagsChange earlier = tagChanges.get(contactId);
        if (earlier != null && effectKey.equals(tagKeys.get(contactId))) {
            return new TagsChange(earlier.added(), earlier.removed(), c);
        }
        if (!recent("tags", contactId).add(effectKey)) {
            return new TagsChange(Set.of(), Set.of(), c);
        }
        TagEdit edit = TagEdit.of(c.tags(), add, remove);
        Contact updated = c.withTags(edit.after());
        contacts.put(contactId, updated);
        TagsChange change = new TagsChange(edit.added(), edit.removed(), updated);
        tagKeys.put(contactId, effectKey);
        tagChanges.put(contactId, change);
        return change;
    }

    private Set<String> recent(String kind, String contactId) {
        return recentKeys.computeIfAbsent(kind + "|" + contactId, k -> new java.util.HashSet<>());
    }

    @Override
    public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
        Contact c = contacts.get(contactId);
        if (c == null) {
            return;
        }
        Set<String> awaiting = new TreeSet<>(c.awaitingReply());
        if (waiting) {
            awaiting.add(runId);
        } else {
            awaiting.remove(runId);
        }
        contacts.put(contactId, new Contact(ws, contactId, c.name(), c.fields(), c.tags(), c.assigneeId(),
                c.conversation(), awaiting, c.lastIncomingByChannel()));
    }

    @Override
    public FieldsChange changeFields(String ws, String contactId, Map<String, String> values, String effectKey,
            Instant at) {
        Contact c = existing(contactId);
        FieldsChange earlier = fieldChanges.get(contactId);
        if (earlier != null && effectKey.equals(fieldKeys.get(contactId))) {
            return new FieldsChange(earlier.changed(), c);
        }
        if (!recent("fields", contactId).add(effectKey)) {
            return new FieldsChange(Map.of(), c);
        }
        FieldEdit edit = FieldEdit.of(c.fields(), values);
        Contact updated = c.withFields(edit.after());
        contacts.put(contactId, updated);
        FieldsChange change = new FieldsChange(edit.changed(), updated);
        fieldKeys.put(contactId, effectKey);
        fieldChanges.put(contactId, change);
        return change;
    }

    @Override
    public int openContactsOf(String ws, String agentId) {
        return (int) contacts.values().stream().filter(c -> agentId.equals(c.assigneeId()) && c.hasOpenConversation()).count();
    }

    // --- comments: one per conversation and id, listed oldest first (ties in id order, as the sort key has them)
    @Override
    public boolean add(Comment comment) {
        if (crashOnNextComment) {
            crashOnNextComment = false;
            throw new ProcessKilled();
        }
        if (outageOnNextComment) {
            outageOnNextComment = false;
            throw new StoreOut();
        }
        return comments.putIfAbsent(comment.contactId() + "|" + comment.conversationId() + "|" + comment.id(),
                comment) == null;
    }

    @Override
    public List<Comment> list(String ws, String contactId, String conversationId) {
        return comments.values().stream()
                .filter(c -> c.contactId().equals(contactId) && c.conversationId().equals(conversationId))
                .sorted(Comparator.comparing(Comment::id)).sorted(Comparator.comparing(Comment::createdAt)).toList();
    }

    // --- directory: the rules of DynamoDirectoryStore (DirectoryStoreContract runs both)
    @Override
    public synchronized Optional<Agent> agent(String ws, String agentId) {
        return directory.agent(agentId);
    }

    @Override
    public synchronized Optional<Team> team(String ws, String teamId) {
        return directory.team(teamId);
    }

    @Override
    public synchronized Optional<List<Agent>> members(String ws, String teamId) {
        return directory.members(teamId);
    }

    @Override
    public synchronized Page<Agent> agents(String ws, String after, int limit) {
        return page(directory.agents(), Agent::id, after, limit);
    }

    @Override
    public synchronized Page<Team> teams(String ws, String after, int limit) {
        return page(directory.teamsById().values().stream().sorted(Comparator.comparing(Team::id)).toList(), Team::id,
                after, limit);
    }

    private static <T> Page<T> page(List<T> sorted, java.util.function.Function<T, String> id, String after, int limit) {
        List<T> rest = sorted.stream().filter(t -> after == null || id.apply(t).compareTo(after) > 0).toList();
        List<T> items = rest.stream().limit(Math.min(limit, MAX_PAGE)).toList();
        return new Page<>(items, rest.size() > items.size() ? id.apply(items.get(items.size() - 1)) : null);
    }

    @Override
    public synchronized void addAgent(String ws, Agent agent) {
        if (directory.agent(agent.id()).isPresent()) {
            throw DirectoryConflict.taken("user " + agent.id());
        }
        directory = directory.withAgent(agent);
    }

    @Override
    public synchronized Optional<StatusChange> setOnline(String ws, String agentId, boolean online) {
        return directory.agent(agentId).map(before -> {
            directory = directory.withAgent(before.withOnline(online));
            List<String> teams = directory.teamsById().values().stream()
                    .filter(t -> t.memberIds().contains(agentId)).map(Team::id).sorted().toList();
            return new StatusChange(before.withOnline(online), teams, online && !before.online());
        });
    }

    @Override
    public synchronized void addTeam(String ws, Team team) {
        if (directory.team(team.id()).isPresent()) {
            throw DirectoryConflict.taken("team " + team.id());
        }
        requireUsers(team.memberIds());
        directory = directory.withTeam(team);
    }

    @Override
    public synchronized Optional<Team> setMembers(String ws, String teamId, List<String> memberIds) {
        Optional<Team> team = directory.team(teamId);
        if (team.isEmpty()) {
            return Optional.empty();
        }
        requireUsers(memberIds);
        Team updated = new Team(teamId, team.get().name(), List.copyOf(memberIds));
        directory = directory.withTeam(updated);
        return Optional.of(updated);
    }

    private void requireUsers(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (directory.agent(ids.get(i)).isEmpty()) {
                throw DirectoryConflict.unknownMember(i, ids.get(i));
            }
        }
    }

    @Override
    public synchronized void enqueue(String ws, String pool, QueuedContact contact) {
        queues.computeIfAbsent(pool, p -> new java.util.TreeMap<>()).put(queueKey(contact), contact);
    }

    @Override
    public synchronized void dequeue(String ws, String pool, QueuedContact contact) {
        queues.getOrDefault(pool, new java.util.TreeMap<>()).remove(queueKey(contact));
    }

    @Override
    public synchronized List<QueuedContact> queued(String ws, String pool, int limit) {
        return queues.getOrDefault(pool, new java.util.TreeMap<>()).values().stream().limit(limit).toList();
    }

    private static String queueKey(QueuedContact c) {
        return String.format("%015d#%s", c.queuedAt().toEpochMilli(), c.runId());
    }

    @Override
    public synchronized long nextRoundRobinTickets(String ws, String teamId, int count) {
        return tickets.merge(teamId, (long) count, Long::sum) - count;
    }

    // --- runs (stored as copies, as a database would)
    private final Map<String, String> active = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public synchronized String claimActive(String ws, String workflowId, String contactId, String runId,
            String replacing) {
        String key = ws + "|" + workflowId + "|" + contactId;
        String holder = active.get(key);
        if (holder == null || holder.equals(runId) || holder.equals(replacing)) {
            active.put(key, runId);
            return runId;
        }
        return holder;
    }

    @Override
    public synchronized void releaseActive(String ws, String workflowId, String contactId, String runId) {
        active.remove(ws + "|" + workflowId + "|" + contactId, runId);
    }

    @Override
    public boolean enrolOnce(String ws, String workflowId, String contactId, String runId, Instant at) {
        return runId.equals(enrolments.computeIfAbsent(ws + "|" + workflowId + "|" + contactId, k -> runId));
    }

    @Override
    public boolean create(Run run) {
        if (crashOnNextCreate) {
            crashOnNextCreate = false;
            throw new ProcessDied();
        }
        if (runs.containsKey(run.id())) {
            return false;
        }
        runCreates++;
        run.markSaved(run.version() + 1);
        runs.put(run.id(), copy(run));
        return true;
    }

    @Override
    public Optional<Run> find(String ws, String contactId, String runId) {
        return Optional.ofNullable(runs.get(runId))
                .filter(r -> r.workspaceId().equals(ws) && r.contactId().equals(contactId)).map(InMemoryInbox::copy);
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
        Run stored = runs.get(run.id());
        if (stored == null || stored.version() != run.version()) {
            throw new ConcurrentUpdateException("run " + run.id());
        }
        run.markSaved(run.version() + 1);
        runs.put(run.id(), copy(run));
        runSaves++;
    }

    @Override
    public List<Run> listByContact(String ws, String contactId) {
        return runs.values().stream().filter(r -> r.workspaceId().equals(ws) && r.contactId().equals(contactId))
                .sorted(Comparator.comparing(Run::startedAt)).map(InMemoryInbox::copy).toList();
    }

    @Override
    public List<WakeUpCall> due(Instant now, int limit) {
        return runs.values().stream().filter(r -> inDueIndex(r) && !r.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Run::dueAt).thenComparing(Run::id)).limit(limit)
                .map(r -> new WakeUpCall(r.workspaceId(), r.contactId(), r.id(), null, r.dueAt())).toList();
    }

    /** One shard: the fake keeps no index to spread. */
    @Override
    public int dueShards() {
        return 1;
    }

    @Override
    public List<WakeUpCall> dueInShard(int shard, Instant from, Instant until, int limit) {
        return runs.values().stream().filter(r -> inDueIndex(r) && !r.dueAt().isBefore(from) && r.dueAt().isBefore(until))
                .sorted(Comparator.comparing(Run::dueAt)).limit(limit)
                .map(r -> new WakeUpCall(r.workspaceId(), r.contactId(), r.id(), r.wakeToken(), r.dueAt())).toList();
    }

    /** As the store's sparse index: a run whose scheduler holds its wake-up has no due entry. */
    private static boolean inDueIndex(Run r) {
        return r.dueAt() != null && !r.timerHeld();
    }

    static Run copy(Run r) {
        Run copy = new Run(r.workspaceId(), r.id(), r.workflowId(), r.workflowVersion(), r.contactId(), r.conversationId(),
                r.triggerData(), r.startedAt(), r.state(), r.cursor(), r.executedSteps(), r.dueAt(), r.leaseUntil(),
                r.wakeToken(), r.updatedAt(), r.version(), r.history(), r.variables());
        return r.timerHeld() ? copy.markTimerHeld() : copy;
    }

    // --- workflows
    /** {@link #workflows} holds every published version; like the store's index, only the latest is listed. */
    @Override
    public List<WorkflowDefinition> publishedFor(String ws, TriggerType trigger) {
        Map<String, WorkflowDefinition> latest = new LinkedHashMap<>();
        workflows.stream().filter(w -> w.workspaceId().equals(ws))
                .forEach(w -> latest.merge(w.id(), w, (a, b) -> b.version() > a.version() ? b : a));
        return latest.values().stream().filter(w -> w.trigger().type() == trigger).toList();
    }

    @Override
    public Optional<WorkflowDefinition> version(String ws, String id, int version) {
        return workflows.stream().filter(w -> w.workspaceId().equals(ws) && w.id().equals(id) && w.version() == version)
                .findFirst();
    }

    /** What a process crash looks like to the code that was running. */
    static final class ProcessDied extends RuntimeException {
    }

    /** A store that stayed unavailable through its client's retries (the engine is told to recognise it). */
    static final class StoreOut extends RuntimeException {
        StoreOut() {
            super("the store is unavailable");
        }
    }

    /** The process stopped in the middle of a step (killed, out of memory): nothing in it catches this. */
    static final class ProcessKilled extends Error {
    }
}
