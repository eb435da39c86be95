package io.switchboard.store;

import static io.switchboard.store.Attr.instant;
import static io.switchboard.store.Attr.s;
import static io.switchboard.store.Attr.str;
import static io.switchboard.store.Attr.time;

import io.switchboard.engine.run.HeldWrites;
import io.switchboard.inbox.ChangedSinceRead;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.EffectKeys;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.OpenedBy;
import io.switchboard.inbox.Opening;
import io.switchboard.inbox.TagEdit;
import io.switchboard.inbox.WakeUpMark;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Contacts and their current conversation, one item per contact. Writes are single conditional
 * updates; where the right update depends on the stored state (open or closed conversation), the
 * failed condition returns the old item and the second, matching update is tried.
 *
 * <p>While a conversation is open and assigned, the item carries {@code gsi1pk = WS#..#OPEN#<agent>},
 * which puts it in that agent's partition of the byOwner index: counting it is counting the agent's
 * open contacts.
 */
public final class DynamoContactStore implements ContactStore {

    static final String SORT = "CONTACT";
    /** A held change appends its key to the recent keys in the commit itself (the list was read with the contact). */
    private static final String HELD_RECENT = "list_append(if_not_exists(%s, :none), :keys)";
    /** Closing leaves the agent's open contacts (the byOwner index): {@code gsi1pk} goes. */
    private static final String CLOSE = "SET convStatus = :closed, convClosedAt = :at REMOVE gsi1pk";

    private final DynamoDbClient db;
    private final String table;

    public DynamoContactStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<Contact> find(String ws, String contactId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.contact(ws, contactId), SORT)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toContact(ws, contactId, item));
    }

    @Override
    public Contact recordIncoming(String ws, IncomingContact incoming, String channelId, Instant at,
            String conversationIdIfOpened) {
        while (true) {
            Map<String, AttributeValue> old;
            try {
                Map<String, AttributeValue> values = new HashMap<>();
                values.put(":open", s("open"));
                values.put(":at", time(at));
                String set = "SET lastIncomingAt = :at, #in = :at";
                Map<String, String> names = new HashMap<>(Map.of("#in", lastIncomingOn(channelId)));
                if (incoming.name() != null) {
                    set += ", #name = :name";
                    values.put(":name", s(incoming.name()));
                    names.put("#name", "name");
                }
                return toContact(ws, incoming.id(), db.updateItem(update(ws, incoming.id())
                        .updateExpression(set)
                        .conditionExpression("convStatus = :open")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build()).attributes());
            } catch (ConditionalCheckFailedException noOpenConversation) {
                old = noOpenConversation.item() == null ? Map.of() : noOpenConversation.item();
            }
            Optional<Contact> opened = openConversation(ws, incoming, channelId, at, conversationIdIfOpened,
                    str(old, "assigneeId"));
            if (opened.isPresent()) {
                return opened.get();
            }
            // someone opened or reassigned between the two writes: start over from the new state
        }
    }

    /**
     * With the contact as just read, a contact without an open conversation is written once: the write
     * that opens one is tried first (it is conditional on what was read, so a stale read only costs the
     * usual two writes).
     */
    @Override
    public Contact recordIncoming(String ws, IncomingContact incoming, String channelId, Instant at,
            String conversationIdIfOpened, Contact known) {
        if (known == null || !known.hasOpenConversation()) {
            Optional<Contact> opened = openConversation(ws, incoming, channelId, at, conversationIdIfOpened,
                    known == null ? null : known.assigneeId());
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        return recordIncoming(ws, incoming, channelId, at, conversationIdIfOpened);
    }

    /**
     * The opening written by the first write the message's workflows make of the contact: with their first
     * assignment, one write for both ({@link Opening}). Conditional on the contact as read, as the write
     * that opens at once is.
     */
    @Override
    public Opening prepareOpening(String ws, IncomingContact incoming, String channelId, Instant at,
            String conversationId, Contact known) {
        return new StoreOpening(ws, incoming, channelId, at, conversationId, known);
    }

    /**
     * An opening this store writes: alone, with its first assignment, or (by {@link DynamoRunStore}) with the
     * run it started as well, kept in the contact's item, which holds one such run.
     */
    final class StoreOpening extends Opening {

        private final String ws;
        private final IncomingContact incoming;
        private final String channelId;
        private final Instant at;
        private final String conversationId;
        private final String knownAssignee;
        private final boolean mayKeepARun;

        private StoreOpening(String ws, IncomingContact incoming, String channelId, Instant at, String conversationId,
                Contact known) {
            super(Opening.opened(ws, known, incoming, channelId, at, conversationId));
            this.ws = ws;
            this.incoming = incoming;
            this.channelId = channelId;
            this.at = at;
            this.conversationId = conversationId;
            this.knownAssignee = known == null ? null : known.assigneeId();
            this.mayKeepARun = known == null || known.keptRunId() == null;
        }

        @Override
        protected Contact write() {
            return openConversation(ws, incoming, channelId, at, conversationId, knownAssignee, null, null)
                    .orElseThrow(() -> new Opening.Refused(conversationId));
        }

        @Override
        protected Contact writeWithAssignment(String assigneeId, String effectKey, Instant assignedAt) {
            return openConversation(ws, incoming, channelId, at, conversationId, knownAssignee,
                    new FirstAssignment(assigneeId, effectKey, assignedAt), null)
                    .orElseThrow(() -> new Opening.Refused(conversationId));
        }

        /** True when the contact's item, as read, keeps no run yet: a run may be kept with this opening. */
        boolean mayKeepARun() {
            return mayKeepARun && !landed();
        }

        /** Writes the opening, its pending assignment and the run {@code kept} in one write. */
        void landKeeping(RunItems.Kept kept) {
            Opening.Assignment pending = pendingAssignment();
            landAs(openConversation(ws, incoming, channelId, at, conversationId, knownAssignee,
                    pending == null ? null : new FirstAssignment(pending.assigneeId(), pending.effectKey(), pending.at()),
                    kept).orElseThrow(() -> new Opening.Refused(conversationId)));
        }
    }

    /** The assignment an opening is written with: {@code assigneeId} null unassigns. */
    private record FirstAssignment(String assigneeId, String effectKey, Instant at) {
    }

    private Optional<Contact> openConversation(String ws, IncomingContact incoming, String channelId, Instant at,
            String conversationId, String assignee) {
        return openConversation(ws, incoming, channelId, at, conversationId, assignee, null, null);
    }

    /**
     * Opens the conversation if the contact is as read (no conversation open, the same assignee), with the
     * first assignment when one is given: its key, the replaced assignee and the agent's open contacts are
     * written as {@link #assign} writes them, and with the run {@code kept} when one is given (the item must
     * keep none yet). Empty when the contact changed since the read.
     */
    private Optional<Contact> openConversation(String ws, IncomingContact incoming, String channelId, Instant at,
            String conversationId, String assignee, FirstAssignment assigned, RunItems.Kept kept) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s("open"));
        values.put(":at", time(at));
        values.put(":cid", s(conversationId));
        values.put(":by", s(OpenedBy.CONTACT.wireName()));
        values.put(":ch", s(channelId));
        values.put(":name", s(incoming.name() != null ? incoming.name() : incoming.id()));
        values.put(":contactId", s(incoming.id()));
        StringBuilder set = new StringBuilder("SET convId = :cid, convStatus = :open, convOpenedBy = :by, "
                + "convChannel = :ch, convOpenedAt = :at, lastIncomingAt = :at, #in = :at, gsi1sk = :contactId, "
                + CONVERSATION_INDEX + ", "
                + "#name = " + (incoming.name() != null ? ":name" : "if_not_exists(#name, :name)"));
        indexConversation(values, ws, incoming.id(), at);
        String condition = "attribute_not_exists(convStatus) OR convStatus <> :open";
        StringBuilder remove = new StringBuilder(" REMOVE convClosedAt, lastOutgoingAt");
        String owner = assigned != null ? assigned.assigneeId() : assignee;
        if (owner != null) {
            set.append(", gsi1pk = :owner");
            values.put(":owner", s(Keys.openContactsOf(ws, owner)));
        }
        if (assignee != null) {
            values.put(":known", s(assignee));
            condition = "(" + condition + ") AND assigneeId = :known";
        } else {
            condition = "(" + condition + ") AND attribute_not_exists(assigneeId)";
        }
        if (assigned != null) {
            // as assign writes it: the key last and among the recent keys, the replaced assignee kept for a replay
            set.append(", ").append(Assignment.keyed(":assignedAt", assigned.effectKey(), assigned.at(), values));
            if (assigned.assigneeId() != null) {
                set.append(", assigneeId = :assignee");
                values.put(":assignee", s(assigned.assigneeId()));
            } else {
                remove.append(", assigneeId, gsi1pk");
            }
            condition += " AND " + unusedKey("assignKey", "assignKeys");
        }
        Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#in", lastIncomingOn(channelId)));
        if (kept != null) {
            set.append(", #kr = :kr");
            values.put(":kr", kept.attribute());
            names.put("#kr", RunItems.KEPT);
            kept.dueEntry().forEach((name, value) -> {
                set.append(", ").append(name).append(" = :kr_").append(name);
                values.put(":kr_" + name, value);
            });
            condition += " AND attribute_not_exists(#kr)";
        }
        try {
            Map<String, AttributeValue> written = db.updateItem(update(ws, incoming.id())
                    .updateExpression(set.toString() + remove)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes();
            if (assigned != null) {
                AttributeValue keys = written.get("assignKeys");
                trimAssignKeys(ws, incoming.id(), keys == null || !keys.hasL() ? 1 : keys.l().size());
            }
            return Optional.of(toContact(ws, incoming.id(), written));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * Files the contact under its latest conversation in the byConversation index. Only an opening
     * writes these two attributes, so the index costs one write per conversation (two when a contact
     * opens again: the old entry goes, the new one comes) and nothing when a conversation closes, is
     * assigned or a run wakes up.
     */
    private static final String CONVERSATION_INDEX = Table.CONV_WS + " = :convWs, " + Table.CONV_KEY + " = :convKey";

    private static void indexConversation(Map<String, AttributeValue> values, String ws, String contactId, Instant openedAt) {
        values.put(":convWs", s(Keys.conversationsOf(ws)));
        values.put(":convKey", s(Keys.conversationKey(openedAt, contactId)));
    }

    @Override
    public Contact createIfMissing(String ws, String contactId, String name, Instant at) {
        // if_not_exists keeps the name of a contact created meanwhile; one write either way
        return toContact(ws, contactId, db.updateItem(update(ws, contactId)
                .updateExpression("SET #name = if_not_exists(#name, :name), createdAt = if_not_exists(createdAt, :at)")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", s(name == null ? contactId : name), ":at", time(at)))
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes());
    }

    @Override
    public Optional<Contact> recordOutgoing(String ws, String contactId, Instant at) {
        try {
            return Optional.of(toContact(ws, contactId, db.updateItem(update(ws, contactId)
                    .updateExpression("SET lastOutgoingAt = :at")
                    .conditionExpression("convStatus = :open")
                    .expressionAttributeValues(Map.of(":at", time(at), ":open", s("open")))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes()));
        } catch (ConditionalCheckFailedException noOpenConversation) {
            return Optional.empty();
        }
    }

    @Override
    public AssignmentChange assign(String ws, String contactId, String assigneeId, String effectKey, Instant at) {
        // First try as if the conversation were open (the usual case), which also files the contact under
        // the agent's open contacts; if it is not open, the second variant assigns without that.
        for (boolean open : new boolean[] {true, false}) {
            Assignment assignment = Assignment.of(ws, assigneeId, effectKey, at, open);
            AssignmentChange made = assignIf(ws, contactId, assigneeId, effectKey, assignment, assignment.values(),
                    new StringBuilder(UNUSED_KEY).append(assignment.statusCondition()), Map.of());
            if (made != null) {
                return made;
            }
        }
        throw new IllegalStateException("assignment of contact " + contactId + " kept conflicting");
    }

    @Override
    public AssignmentChange assignAsRead(String ws, String contactId, String assigneeId, String effectKey, Instant at,
            Contact asRead, String stepPath) {
        Assignment assignment = Assignment.of(ws, assigneeId, effectKey, at, asRead.hasOpenConversation())
                .alsoSetting(WAKE_UP_MARK + " = :mark");
        Map<String, AttributeValue> values = new HashMap<>(assignment.values());
        values.put(":mark", AttributeValue.builder().m(Map.of("key", s(EffectKeys.stored(effectKey)), "step", s(stepPath)))
                .build());
        StringBuilder condition = new StringBuilder(UNUSED_KEY).append(assignment.statusCondition());
        Map<String, String> names = stillAsRead(condition, values, asRead);
        AssignmentChange made = assignIf(ws, contactId, assigneeId, effectKey, assignment, values, condition, names);
        if (made == null) {
            throw new ChangedSinceRead("contact " + contactId);
        }
        return made;
    }

    /** The attribute of the contact's {@link WakeUpMark}: a map of the assignment's key and its step's path. */
    private static final String WAKE_UP_MARK = "wakeUpMark";

    /** An assignment's condition begins so: the contact exists and this key is not used yet. */
    private static final String UNUSED_KEY = "attribute_exists(pk) AND " + unusedKey("assignKey", "assignKeys") + " AND ";

    /**
     * Neither the last key of a kind of change ({@code lastKey}) nor any of the recent ones is {@code :key} (the
     * key as the contact stores it, {@link EffectKeys}) or {@code :given} (the key itself, as keys were stored
     * before that form): every write that puts one of the two puts both.
     */
    private static String unusedKey(String lastKey, String recentKeys) {
        return "(attribute_not_exists(" + lastKey + ") OR (" + lastKey + " <> :key AND " + lastKey + " <> :given)) AND NOT "
                + "contains(" + recentKeys + ", :key) AND NOT contains(" + recentKeys + ", :given)";
    }

    /**
     * Makes {@code assignment} if {@code condition} holds; when it does not, the assignment its key names if
     * that was made before, else null (the condition failed for another reason).
     */
    private AssignmentChange assignIf(String ws, String contactId, String assigneeId, String effectKey,
            Assignment assignment, Map<String, AttributeValue> values, StringBuilder condition,
            Map<String, String> names) {
        try {
            Map<String, AttributeValue> old = db.updateItem(update(ws, contactId)
                    .updateExpression(assignment.expression())
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()).attributes();
            trimAssignKeys(ws, contactId, old.get("assignKeys"));
            return new AssignmentChange(str(old, "assigneeId"), assigneeId, true);
        } catch (ConditionalCheckFailedException e) {
            return madeBefore(contactId, e, effectKey);
        }
    }

    /**
     * The assignment {@code effectKey} names, when the contact a refused assignment returned records it as
     * made before (a retried step or request, or a wake-up delivered twice); null when it was not.
     */
    private static AssignmentChange madeBefore(String contactId, ConditionalCheckFailedException refused,
            String effectKey) {
        Map<String, AttributeValue> current = refused.item() == null ? Map.of() : refused.item();
        if (current.isEmpty()) {
            throw new IllegalArgumentException("contact " + contactId + " does not exist");
        }
        if (EffectKeys.same(str(current, "assignKey"), effectKey)) {
            // this very assignment was made before: report it, change nothing
            String previous = str(current, "previousAssigneeId");
            return new AssignmentChange(previous == null || previous.isEmpty() ? null : previous,
                    str(current, "assigneeId"), false);
        }
        if (RecentKeys.contains(current.get("assignKeys"), effectKey)) {
            // made before, and another assignment since: it stands; what this one replaced is gone
            return new AssignmentChange(null, str(current, "assigneeId"), false);
        }
        return null;
    }

    /**
     * The write of one assignment, as {@link #assign} makes it and as a wake-up's commit holds it: the
     * new assignee (filed under the agent's open contacts when the conversation is open), the effect key
     * appended to the recent keys, and the replaced assignee kept so that a replay can report it.
     */
    private record Assignment(String expression, Map<String, AttributeValue> values, String statusCondition) {

        /** The same assignment, its write also setting {@code clause} (an attribute = a placeholder). */
        Assignment alsoSetting(String clause) {
            return new Assignment("SET " + clause + ", " + expression.substring("SET ".length()), values,
                    statusCondition);
        }

        static Assignment of(String ws, String assigneeId, String effectKey, Instant at, boolean open) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":open", s("open"));
            String common = "SET " + keyed(":at", effectKey, at, values);
            String expression;
            if (assigneeId == null) {
                expression = common + " REMOVE assigneeId, gsi1pk";
            } else if (open) {
                values.put(":assignee", s(assigneeId));
                values.put(":owner", s(Keys.openContactsOf(ws, assigneeId)));
                expression = common + ", assigneeId = :assignee, gsi1pk = :owner";
            } else {
                values.put(":assignee", s(assigneeId));
                expression = common + ", assigneeId = :assignee REMOVE gsi1pk";
            }
            String statusCondition = open ? "convStatus = :open" : "(attribute_not_exists(convStatus) OR convStatus <> :open)";
            return new Assignment(expression, values, statusCondition);
        }

        /**
         * What every write of an assignment records beside the assignee, as SET clauses ({@code atName}: the
         * placeholder of its time): the key, the time, and the replaced assignee kept with the key, so that a
         * replayed assignment can still report it; the recent keys recognise a replay that comes after another
         * assignment.
         */
        static String keyed(String atName, String effectKey, Instant at, Map<String, AttributeValue> values) {
            values.put(":key", s(EffectKeys.stored(effectKey)));
            values.put(":given", s(effectKey));
            values.put(atName, time(at));
            values.put(":none", s(""));
            values.put(":keyList", AttributeValue.builder().l(s(EffectKeys.stored(effectKey))).build());
            values.put(":noKeys", AttributeValue.builder().l(List.of()).build());
            return "assignKey = :key, assignedAt = " + atName + ", previousAssigneeId = if_not_exists(assigneeId, :none), "
                    + "assignKeys = list_append(if_not_exists(assignKeys, :noKeys), :keyList)";
        }
    }

    /**
     * A wake-up's held assignment as one item of its commit ({@code DynamoSegmentCommits}): made only if
     * the contact is still as the wake-up read it (the same assignee, the same conversation with no reply
     * since, this key not used, room for one more recent key); otherwise the commit is refused and the
     * wake-up worked out again on a fresh read.
     */
    Update heldAssignment(HeldWrites.Assignment held) {
        Contact before = held.before();
        boolean open = before.hasOpenConversation();
        Assignment assignment = Assignment.of(held.workspaceId(), held.assigneeId(), held.effectKey(), held.at(), open);
        Map<String, AttributeValue> values = new HashMap<>(assignment.values());
        StringBuilder condition = heldKeyCondition("assignKey", "assignKeys", values).append(" AND ")
                .append(assignment.statusCondition());
        Map<String, String> names = stillAsRead(condition, values, before);
        return Update.builder().tableName(table).key(Attr.key(Keys.contact(held.workspaceId(), held.contactId()), SORT))
                .updateExpression(assignment.expression()).conditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /**
     * The contact is still as {@code before} shows it for an assignment decided on that read: the same
     * assignee, tags and fields and, when a conversation was open, the same one with no message in or out
     * since (what a Branch decided on). Returns the attribute names the condition uses.
     */
    private static Map<String, String> stillAsRead(StringBuilder condition, Map<String, AttributeValue> values,
            Contact before) {
        if (before.hasOpenConversation()) {
            condition.append(" AND convId = :conversation");
            values.put(":conversation", s(before.conversation().id()));
            unchangedSince(condition, values, "lastOutgoingAt", ":replied", before.conversation().lastOutgoingAt());
            unchangedSince(condition, values, "lastIncomingAt", ":wrote", before.conversation().lastIncomingAt());
        }
        if (before.assigneeId() == null) {
            condition.append(" AND attribute_not_exists(assigneeId)");
        } else {
            condition.append(" AND assigneeId = :before");
            values.put(":before", s(before.assigneeId()));
        }
        if (before.tags().isEmpty()) {
            condition.append(" AND attribute_not_exists(#tags)");
        } else {
            condition.append(" AND #tags = :tagsRead");
            values.put(":tagsRead", AttributeValue.builder().ss(before.tags()).build());
        }
        Map<String, AttributeValue> fields = new HashMap<>();
        before.fields().forEach((k, v) -> fields.put(k, s(v)));
        values.put(":fieldsRead", AttributeValue.builder().m(fields).build());
        condition.append(fields.isEmpty() ? " AND (attribute_not_exists(#fields) OR #fields = :fieldsRead)"
                : " AND #fields = :fieldsRead");
        return Map.of("#tags", "tags", "#fields", "fields");
    }

    /** A wake-up's held write of the contact as one item of its commit ({@code DynamoSegmentCommits}). */
    Update held(HeldWrites.ContactWrite write) {
        if (write instanceof HeldWrites.Assignment assignment) {
            return heldAssignment(assignment);
        }
        if (write instanceof HeldWrites.Close close) {
            return heldClose(close);
        }
        if (write instanceof HeldWrites.Tags tags) {
            return heldTags(tags);
        }
        return heldFields((HeldWrites.Fields) write);
    }

    /**
     * A wake-up's held tag change as one item of its commit: the whole set worked out on the contact as
     * read, made only if the tags are still those (and this key unused, with room for one more recent
     * key); otherwise the commit is refused and the wake-up worked out again on a fresh read.
     */
    Update heldTags(HeldWrites.Tags held) {
        Map<String, AttributeValue> values = new HashMap<>();
        String set = tagsWrite(held.edit(), HELD_RECENT.formatted("tagKeys"), values);
        StringBuilder condition = heldKeyCondition("tagKey", "tagKeys", values);
        if (held.before().tags().isEmpty()) {
            condition.append(" AND attribute_not_exists(#tags)");
        } else {
            condition.append(" AND #tags = :before");
            values.put(":before", AttributeValue.builder().ss(held.before().tags()).build());
        }
        return heldProfileWrite(held.workspaceId(), held.contactId(), set, condition, values, held.effectKey(),
                held.at(), "#tags", "tags");
    }

    /** A wake-up's held field change as one item of its commit; refused if the fields changed since the read. */
    Update heldFields(HeldWrites.Fields held) {
        Map<String, AttributeValue> values = new HashMap<>();
        String set = fieldsWrite(held.edit(), HELD_RECENT.formatted("fieldKeys"), values);
        StringBuilder condition = heldKeyCondition("fieldKey", "fieldKeys", values);
        Map<String, AttributeValue> before = new HashMap<>();
        held.before().fields().forEach((k, v) -> before.put(k, s(v)));
        values.put(":before", AttributeValue.builder().m(before).build());
        condition.append(before.isEmpty() ? " AND (attribute_not_exists(#fields) OR #fields = :before)"
                : " AND #fields = :before");
        return heldProfileWrite(held.workspaceId(), held.contactId(), set, condition, values, held.effectKey(),
                held.at(), "#fields", "fields");
    }

    /**
     * The contact exists, this change's key is not used yet, and there is room for one more recent key (a
     * full list is trimmed on the claimed path): the condition every held write of the contact but a close
     * starts with.
     */
    private static StringBuilder heldKeyCondition(String lastKey, String recentKeys, Map<String, AttributeValue> values) {
        values.put(":maxKeys", AttributeValue.fromN(Integer.toString(RecentKeys.MAX)));
        return new StringBuilder("attribute_exists(pk) AND " + unusedKey(lastKey, recentKeys) + " AND (attribute_not_exists("
                + recentKeys + ") OR size(" + recentKeys + ") < :maxKeys)");
    }

    /** The profile's version moves as {@link #writeProfile} moves it, so a concurrent edit on the claimed path starts over. */
    private Update heldProfileWrite(String ws, String contactId, String set, StringBuilder condition,
            Map<String, AttributeValue> values, String effectKey, Instant at, String name, String attribute) {
        values.put(":key", s(EffectKeys.stored(effectKey)));
        values.put(":given", s(effectKey));
        values.put(":keys", AttributeValue.builder().l(s(EffectKeys.stored(effectKey))).build());
        values.put(":none", AttributeValue.builder().l(List.of()).build());
        values.put(":at", time(at));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":zero", AttributeValue.fromN("0"));
        String expression = set.replaceFirst("^SET ", "SET profileVersion = if_not_exists(profileVersion, :zero) + :one, "
                + "profileUpdatedAt = :at, ");
        return Update.builder().tableName(table).key(Attr.key(Keys.contact(ws, contactId), SORT))
                .updateExpression(expression).conditionExpression(condition.toString())
                .expressionAttributeNames(Map.of(name, attribute)).expressionAttributeValues(values).build();
    }

    /**
     * A wake-up's held close as one item of its commit: the store's own close (that conversation, still
     * open), made only if no message came or went in it since the wake-up read the contact (what a Branch
     * on the conversation's silence decided on); otherwise the commit is refused and the wake-up worked
     * out again on a fresh read.
     */
    Update heldClose(HeldWrites.Close held) {
        Conversation read = held.before().conversation();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":closed", s("closed"), ":open", s("open"),
                ":cid", s(held.conversationId()), ":at", time(held.at())));
        StringBuilder condition = new StringBuilder("convId = :cid AND convStatus = :open");
        unchangedSince(condition, values, "lastIncomingAt", ":incoming", read.lastIncomingAt());
        unchangedSince(condition, values, "lastOutgoingAt", ":outgoing", read.lastOutgoingAt());
        return Update.builder().tableName(table).key(Attr.key(Keys.contact(held.workspaceId(), held.contactId()), SORT))
                .updateExpression(CLOSE).conditionExpression(condition.toString()).expressionAttributeValues(values)
                .build();
    }

    private static void unchangedSince(StringBuilder condition, Map<String, AttributeValue> values, String attribute,
            String name, Instant read) {
        if (read == null) {
            condition.append(" AND attribute_not_exists(").append(attribute).append(')');
        } else {
            condition.append(" AND ").append(attribute).append(" = ").append(name);
            values.put(name, time(read));
        }
    }

    /**
     * Keeps the recent assignment keys bounded: past {@link RecentKeys#MAX} the oldest are removed in
     * one more write (one in {@link RecentKeys#TRIM} assignments pays it).
     */
    private void trimAssignKeys(String ws, String contactId, AttributeValue before) {
        trimAssignKeys(ws, contactId, before == null || !before.hasL() ? 1 : before.l().size() + 1);
    }

    /** Trims the recent assignment keys when an assignment made them {@code size} long. */
    private void trimAssignKeys(String ws, String contactId, int size) {
        if (size <= RecentKeys.MAX) {
            return;
        }
        StringBuilder remove = new StringBuilder("REMOVE ");
        for (int i = 0; i < RecentKeys.TRIM; i++) {
            remove.append(i == 0 ? "" : ", ").append("assignKeys[").append(i).append(']');
        }
        try {
            db.updateItem(update(ws, contactId).updateExpression(remove.toString())
                    .conditionExpression("size(assignKeys) > :max")
                    .expressionAttributeValues(Map.of(":max", AttributeValue.builder().n(String.valueOf(RecentKeys.MAX)).build()))
                    .build());
        } catch (ConditionalCheckFailedException trimmedMeanwhile) {
            // a concurrent assignment trimmed it first
        }
    }

    @Override
    public Optional<Contact> openConversation(String ws, String contactId, String conversationId, OpenedBy openedBy,
            Instant at) {
        while (true) {
            Map<String, AttributeValue> item = current(ws, contactId);
            if ("open".equals(str(item, "convStatus"))) {
                return conversationId.equals(str(item, "convId"))
                        ? Optional.of(toContact(ws, contactId, item)) : Optional.empty();
            }
            String assignee = str(item, "assigneeId");
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":open", s("open"));
            values.put(":at", time(at));
            values.put(":cid", s(conversationId));
            values.put(":by", s(openedBy.wireName()));
            values.put(":contactId", s(contactId));
            String set = "SET convId = :cid, convStatus = :open, convOpenedBy = :by, convOpenedAt = :at, "
                    + "gsi1sk = :contactId, " + CONVERSATION_INDEX;
            indexConversation(values, ws, contactId, at);
            String condition = "attribute_exists(pk) AND (attribute_not_exists(convStatus) OR convStatus <> :open)";
            if (assignee != null) {
                set += ", gsi1pk = :owner";
                values.put(":owner", s(Keys.openContactsOf(ws, assignee)));
                values.put(":assignee", s(assignee));
                condition += " AND assigneeId = :assignee";
            } else {
                condition += " AND attribute_not_exists(assigneeId)";
            }
            try {
                return Optional.of(toContact(ws, contactId, db.updateItem(update(ws, contactId)
                        .updateExpression(set + " REMOVE convClosedAt, lastOutgoingAt, lastIncomingAt")
                        .conditionExpression(condition)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .build()).attributes()));
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                // opened or reassigned between the read and the write: decide again from the new state
            }
        }
    }

    @Override
    public boolean close(String ws, String contactId, String conversationId, Instant at) {
        try {
            db.updateItem(update(ws, contactId)
                    .updateExpression(CLOSE)
                    .conditionExpression("convId = :cid AND convStatus = :open")
                    .expressionAttributeValues(Map.of(":closed", s("closed"), ":open", s("open"),
                            ":cid", s(conversationId), ":at", time(at)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    @Override
    public Optional<String> linkedContact(String ws, String channelId, String externalId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(linkKey(ws, channelId, externalId), "LINK")).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "contactId"));
    }

    @Override
    public Optional<String> addressOn(String ws, String contactId, String channelId) {
        var item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.contact(ws, contactId), "LINK#" + channelId)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "externalId"));
    }

    /**
     * Two items: the identity's own (claimed with a condition, so an identity has one contact), and one in
     * the contact's partition, which outbound messages read to address the contact on that channel.
     */
    @Override
    public boolean link(String ws, String contactId, String channelId, String externalId) {
        Map<String, AttributeValue> identity = new HashMap<>(Attr.key(linkKey(ws, channelId, externalId), "LINK"));
        identity.put("contactId", s(contactId));
        try {
            db.putItem(b -> b.tableName(table).item(identity)
                    .conditionExpression("attribute_not_exists(pk) OR contactId = :c")
                    .expressionAttributeValues(Map.of(":c", s(contactId))));
        } catch (ConditionalCheckFailedException takenByAnother) {
            return false;
        }
        Map<String, AttributeValue> address = new HashMap<>(Attr.key(Keys.contact(ws, contactId), "LINK#" + channelId));
        address.put("externalId", s(externalId));
        db.putItem(b -> b.tableName(table).item(address));
        return true;
    }

    /**
     * One top-level attribute per channel the contact wrote from ({@code in#<channelId>}): a map attribute
     * would need a second write to create the map before its first entry could be set.
     */
    private static String lastIncomingOn(String channelId) {
        return LAST_INCOMING_PREFIX + channelId;
    }

    private static final String LAST_INCOMING_PREFIX = "in#";

    static String linkKey(String ws, String channelId, String externalId) {
        return Keys.workspace(ws) + "#LINK#" + channelId + "#" + externalId;
    }

    @Override
    public TagsChange changeTags(String ws, String contactId, Set<String> add, Set<String> remove, String effectKey,
            Instant at) {
        while (true) {
            Map<String, AttributeValue> item = current(ws, contactId);
            if (EffectKeys.same(str(item, "tagKey"), effectKey)) {
                return new TagsChange(strings(item.get("tagAdded")), strings(item.get("tagRemoved")),
                        toContact(ws, contactId, item));
            }
            if (RecentKeys.contains(item.get("tagKeys"), effectKey)) {
                // made before, and another change since: its events went out then; nothing changes now
                return new TagsChange(Set.of(), Set.of(), toContact(ws, contactId, item));
            }
            TagEdit edit = TagEdit.of(toContact(ws, contactId, item).tags(), add, remove);
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":recent", RecentKeys.with(item.get("tagKeys"), effectKey));
            String set = tagsWrite(edit, ":recent", values);
            Optional<Map<String, AttributeValue>> written = writeProfile(ws, contactId, item, set, effectKey, at, values);
            if (written.isPresent()) {
                return new TagsChange(edit.added(), edit.removed(), toContact(ws, contactId, written.get()));
            }
        }
    }

    @Override
    public FieldsChange changeFields(String ws, String contactId, Map<String, String> updates, String effectKey,
            Instant at) {
        while (true) {
            Map<String, AttributeValue> item = current(ws, contactId);
            if (EffectKeys.same(str(item, "fieldKey"), effectKey)) {
                Map<String, String> changed = new LinkedHashMap<>();
                AttributeValue stored = item.get("fieldChanged");
                if (stored != null && stored.hasM()) {
                    stored.m().forEach((k, v) -> changed.put(k, v.s()));
                }
                return new FieldsChange(changed, toContact(ws, contactId, item));
            }
            if (RecentKeys.contains(item.get("fieldKeys"), effectKey)) {
                return new FieldsChange(Map.of(), toContact(ws, contactId, item));
            }
            FieldEdit edit = FieldEdit.of(toContact(ws, contactId, item).fields(), updates);
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":recent", RecentKeys.with(item.get("fieldKeys"), effectKey));
            Optional<Map<String, AttributeValue>> written = writeProfile(ws, contactId, item,
                    fieldsWrite(edit, ":recent", values), effectKey, at, values);
            if (written.isPresent()) {
                return new FieldsChange(edit.changed(), toContact(ws, contactId, written.get()));
            }
        }
    }

    private Map<String, AttributeValue> current(String ws, String contactId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Attr.key(Keys.contact(ws, contactId), SORT)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("contact " + contactId + " does not exist");
        }
        return item;
    }

    /**
     * Tags and fields are rewritten whole from what was read, so the write is conditional on the
     * profile version read: a concurrent edit makes this one start over instead of being lost.
     * Empty when that happened.
     */
    private Optional<Map<String, AttributeValue>> writeProfile(String ws, String contactId,
            Map<String, AttributeValue> read, String set, String effectKey, Instant at,
            Map<String, AttributeValue> values) {
        AttributeValue version = read.get("profileVersion");
        long next = version == null ? 1 : Long.parseLong(version.n()) + 1;
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":key", s(EffectKeys.stored(effectKey)));
        all.put(":at", time(at));
        all.put(":next", AttributeValue.builder().n(Long.toString(next)).build());
        String condition = "attribute_exists(pk) AND attribute_not_exists(profileVersion)";
        if (version != null) {
            all.put(":read", version);
            condition = "attribute_exists(pk) AND profileVersion = :read";
        }
        String expression = set.replaceFirst("^SET ", "SET profileVersion = :next, profileUpdatedAt = :at, ");
        try {
            return Optional.of(db.updateItem(update(ws, contactId)
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(expression.contains("#fields") ? Map.of("#fields", "fields")
                            : Map.of("#tags", "tags"))
                    .expressionAttributeValues(all)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes());
        } catch (ConditionalCheckFailedException editedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * The SET (and REMOVE) of a tag change, its values put in {@code values}: the whole set (none: the
     * attribute goes), what was added and removed, this key and the recent keys ({@code recent}, an
     * expression).
     */
    private static String tagsWrite(TagEdit edit, String recent, Map<String, AttributeValue> values) {
        values.put(":added", list(edit.added()));
        values.put(":removed", list(edit.removed()));
        String set = "SET tagKey = :key, tagKeys = " + recent + ", tagAdded = :added, tagRemoved = :removed";
        if (edit.after().isEmpty()) {
            return set + " REMOVE #tags";
        }
        values.put(":tags", AttributeValue.builder().ss(edit.after()).build());
        return set.replace("SET ", "SET #tags = :tags, ");
    }

    /** The SET of a field change: every field, what changed (a removed field as null), this key and the recent keys. */
    private static String fieldsWrite(FieldEdit edit, String recent, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> fields = new HashMap<>();
        edit.after().forEach((k, v) -> fields.put(k, s(v)));
        Map<String, AttributeValue> changed = new HashMap<>();
        edit.changed().forEach((k, v) -> changed.put(k, v == null ? AttributeValue.builder().nul(true).build() : s(v)));
        values.put(":fields", AttributeValue.builder().m(fields).build());
        values.put(":changed", AttributeValue.builder().m(changed).build());
        return "SET #fields = :fields, fieldKey = :key, fieldKeys = " + recent + ", fieldChanged = :changed";
    }

    private static AttributeValue list(Set<String> values) {
        return AttributeValue.builder().l(values.stream().map(Attr::s).toList()).build();
    }

    private static Set<String> strings(AttributeValue list) {
        Set<String> out = new TreeSet<>();
        if (list != null && list.hasL()) {
            list.l().forEach(v -> out.add(v.s()));
        }
        return out;
    }

    @Override
    public int openContactsOf(String ws, String agentId) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = db.query(QueryRequest.builder().tableName(table).indexName(Table.BY_OWNER)
                    .keyConditionExpression("gsi1pk = :owner")
                    .expressionAttributeValues(Map.of(":owner", s(Keys.openContactsOf(ws, agentId))))
                    .select(Select.COUNT)
                    .exclusiveStartKey(start)
                    .build());
            count += page.count();
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public void awaitReply(String ws, String contactId, String runId, boolean waiting) {
        try {
            // a string set: adding or removing the same run twice is the same write
            db.updateItem(update(ws, contactId)
                    .updateExpression((waiting ? "ADD" : "DELETE") + " awaiting :run")
                    .conditionExpression("attribute_exists(" + Table.PK + ")")
                    .expressionAttributeValues(Map.of(":run", AttributeValue.fromSs(List.of(runId))))
                    .build());
        } catch (ConditionalCheckFailedException noSuchContact) {
            // nothing to mark: the contact was never created
        }
    }

    private UpdateItemRequest.Builder update(String ws, String contactId) {
        return UpdateItemRequest.builder().tableName(table).key(Attr.key(Keys.contact(ws, contactId), SORT));
    }

    static Contact toContact(String ws, String contactId, Map<String, AttributeValue> item) {
        Map<String, String> fields = new LinkedHashMap<>();
        AttributeValue f = item.get("fields");
        if (f != null && f.hasM()) {
            f.m().forEach((k, v) -> fields.put(k, v.s()));
        }
        Set<String> tags = new TreeSet<>();
        AttributeValue t = item.get("tags");
        if (t != null && t.hasSs()) {
            tags.addAll(t.ss());
        }
        Conversation conversation = null;
        if (str(item, "convId") != null) {
            conversation = new Conversation(str(item, "convId"),
                    ConversationStatus.valueOf(str(item, "convStatus").toUpperCase()),
                    OpenedBy.fromWire(str(item, "convOpenedBy")), str(item, "convChannel"),
                    instant(item, "convOpenedAt"), instant(item, "convClosedAt"), instant(item, "lastIncomingAt"),
                    instant(item, "lastOutgoingAt"));
        }
        Set<String> awaiting = new TreeSet<>();
        AttributeValue a = item.get("awaiting");
        if (a != null && a.hasSs()) {
            awaiting.addAll(a.ss());
        }
        Map<String, Instant> lastIncoming = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(LAST_INCOMING_PREFIX)) {
                lastIncoming.put(name.substring(LAST_INCOMING_PREFIX.length()), instant(item, name));
            }
        });
        AttributeValue mark = item.get(WAKE_UP_MARK);
        WakeUpMark wakeUpMark = mark == null || !mark.hasM() ? null
                : new WakeUpMark(str(mark.m(), "key"), str(mark.m(), "step"));
        return new Contact(ws, contactId, str(item, "name"), fields, tags, str(item, "assigneeId"), conversation,
                awaiting, lastIncoming, wakeUpMark, RunItems.keptRunId(item));
    }
}
