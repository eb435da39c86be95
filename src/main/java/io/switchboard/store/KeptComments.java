package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;

import io.switchboard.engine.run.HeldWrites;
import io.switchboard.engine.run.Run;
import java.nio.charset.StandardCharsets;
import io.switchboard.inbox.Comment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The comments a run kept in its contact's item ({@link RunItems#KEPT}) writes at a wake-up, kept in the same
 * item (attribute {@link #ATTRIBUTE}). The wake-up's reassignment, its comment and the run's end are then one
 * conditional write of one item: a comment item of its own was a second write, and a transaction to make the
 * two all-or-none is billed twice. The kept version in the write's condition is what makes the comment
 * happen once, as it does the reassignment.
 *
 * <p>The item keeps at most {@link #MAX} of them and a commit keeps at most {@link #MAX_BYTES} inline, and only
 * while the item stays within one write unit; more go to comment items as before. When the kept run moves to an
 * item of its own (the contact's item grew past one write unit), its comments are written as comment items
 * first, then dropped from the contact's item with it.
 *
 * <p>A comment is stored relative to the run that wrote it ({@link Owner}), since the item holds the run and
 * bytes are what its writes cost: a list of created at (epoch ms), id, text, then the author unless it is the
 * run's workflow, then the conversation unless it is the run's. The id is stored from its {@code #} when it
 * begins with the run's id (a step's key is the run id, {@code #}, its sequence).
 */
final class KeptComments {

    /** On a contact item: the comments of the run it keeps. */
    static final String ATTRIBUTE = "kc";

    /** Comments a contact's item keeps at most. */
    static final int MAX = 4;

    /** Bytes of comments (as stored) one commit keeps inline at most; a commit with more writes comment items. */
    static final int MAX_BYTES = 320;

    private KeptComments() {
    }

    /** The run that keeps the comments: what they are stored relative to. */
    record Owner(String runId, String conversationId, String workflowId) {

        static Owner of(Run run) {
            return new Owner(run.id(), run.conversationId(), run.workflowId());
        }

        String author() {
            return "workflow:" + workflowId;
        }
    }

    /** True when {@code comments} are few and small enough to ride in the kept run's write. */
    static boolean fit(List<Comment> comments, Owner owner) {
        return comments.size() <= MAX
                && ItemBytes.of(Map.of(ATTRIBUTE, AttributeValue.fromL(entries(comments, owner)))) <= MAX_BYTES;
    }

    /**
     * What a held write of the contact may add to its item besides the run and the comments (an assignment's
     * recent key and previous assignee; a tag or field change adds its own bytes besides), so that the room it
     * needs is not underestimated.
     */
    static final int HELD_WRITE_GROWTH = 40;

    /**
     * True when the kept run as {@code save} writes it and {@code comments} fit the {@code room} its contact's
     * item had when read, within one write unit: otherwise the comments go as items (a second unit for the
     * contact's write, and the run moving out after it, would cost more than the comment item saves).
     */
    static boolean fitIn(int room, KeptRunWrites.Save save, List<Comment> comments, Owner owner,
            HeldWrites.ContactWrite held) {
        int kept = ItemBytes.of(Map.of(ATTRIBUTE, AttributeValue.fromL(entries(comments, owner))));
        return runBytes(save) + kept + growth(held) <= room;
    }

    /** The bytes the kept run takes in its contact's item as {@code save} writes it: its attribute and due entry. */
    static int runBytes(KeptRunWrites.Save save) {
        int bytes = ItemBytes.of(Map.of(RunItems.KEPT, save.values().get(":krNew")));
        for (String name : RunItems.DUE_ENTRY) {
            AttributeValue due = save.values().get(":kr_" + name);
            bytes += due == null ? 0 : ItemBytes.of(Map.of(name, due));
        }
        return bytes;
    }

    /** What {@code held} may add to the contact's item, at most. */
    static int growth(HeldWrites.ContactWrite held) {
        int bytes = HELD_WRITE_GROWTH;
        if (held instanceof HeldWrites.Tags tags) {
            bytes += tags.edit().added().stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        } else if (held instanceof HeldWrites.Fields fields) {
            bytes += fields.edit().changed().entrySet().stream().mapToInt(e -> 1
                    + e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        }
        return bytes;
    }

    private static List<AttributeValue> entries(List<Comment> comments, Owner owner) {
        List<AttributeValue> entries = new ArrayList<>();
        for (Comment c : comments) {
            List<AttributeValue> entry = new ArrayList<>(List.of(Attr.time(c.createdAt()), s(storedId(c.id(), owner)),
                    s(c.text())));
            String author = c.author() == null ? "" : c.author();
            boolean ownConversation = c.conversationId().equals(owner.conversationId());
            if (!author.equals(owner.author()) || !ownConversation) {
                entry.add(s(author));
            }
            if (!ownConversation) {
                entry.add(s(c.conversationId()));
            }
            entries.add(AttributeValue.fromL(entry));
        }
        return entries;
    }

    /**
     * {@code write} of the contact's item with {@code comments} appended to the kept ones, made only if the
     * item has room for them (else the condition fails and {@link #noRoom} tells why).
     */
    static Update appended(Update write, List<Comment> comments, Owner owner) {
        if (comments.isEmpty()) {
            return write;
        }
        Map<String, AttributeValue> values = new HashMap<>(write.expressionAttributeValues());
        values.put(":kcNew", AttributeValue.fromL(entries(comments, owner)));
        values.put(":kcNone", AttributeValue.fromL(List.of()));
        values.put(":kcRoom", n(MAX - comments.size()));
        Map<String, String> names = new HashMap<>(write.hasExpressionAttributeNames() ? write.expressionAttributeNames()
                : Map.of());
        names.put("#kc", ATTRIBUTE);
        String room = "(attribute_not_exists(#kc) OR size(#kc) <= :kcRoom)";
        return write.toBuilder()
                .updateExpression(UpdateExpressions.with(write.updateExpression(),
                        "#kc = list_append(if_not_exists(#kc, :kcNone), :kcNew)", null))
                .conditionExpression(write.conditionExpression() == null ? room
                        : "(" + write.conditionExpression() + ") AND " + room)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /** True when the contact's item as {@code item} shows it has no room for {@code count} more kept comments. */
    static boolean noRoom(Map<String, AttributeValue> item, int count) {
        AttributeValue kept = item == null ? null : item.get(ATTRIBUTE);
        return kept != null && kept.hasL() && kept.l().size() + count > MAX;
    }

    /**
     * Every comment the contact's item keeps, of any conversation, oldest first as written; {@code owner}: the
     * kept run as the item holds it ({@link RunItems#keptOwner}), which they are stored relative to.
     */
    static List<Comment> read(Map<String, AttributeValue> contactItem, String ws, String contactId, Owner owner) {
        AttributeValue kept = contactItem == null ? null : contactItem.get(ATTRIBUTE);
        if (kept == null || !kept.hasL() || kept.l().isEmpty()) {
            return List.of();
        }
        if (owner == null) {
            throw new IllegalStateException("kept comments without the run they belong to on " + contactId);
        }
        List<Comment> out = new ArrayList<>();
        for (AttributeValue entry : kept.l()) {
            List<AttributeValue> f = entry.l();
            String id = f.get(1).s();
            out.add(new Comment(ws, contactId, f.size() > 4 ? f.get(4).s() : owner.conversationId(),
                    id.startsWith("#") ? owner.runId() + id : id, f.size() > 3 ? f.get(3).s() : owner.author(),
                    f.get(2).s(), Instant.ofEpochMilli(Long.parseLong(f.get(0).n()))));
        }
        return out;
    }

    private static String storedId(String id, Owner owner) {
        return id.startsWith(owner.runId() + "#") ? id.substring(owner.runId().length()) : id;
    }
}
