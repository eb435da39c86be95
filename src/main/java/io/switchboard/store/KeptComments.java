package io.switchboard.store;

import static io.switchboard.store.Attr.n;
import static io.switchboard.store.Attr.s;

import io.switchboard.inbox.Comment;
import java.nio.charset.StandardCharsets;
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
 * <p>The item keeps at most {@link #MAX} of them and a commit keeps at most {@link #MAX_BYTES} inline; more go
 * to comment items as before. When the kept run moves to an item of its own (the contact's item grew past one
 * write unit), its comments are written as comment items first, then dropped from the contact's item.
 *
 * <p>A comment is a list of five: conversation id, created at (epoch ms), author, id, text. Its id is stored
 * from its {@code #} when it begins with the kept run's id (a step's key is the run id, {@code #}, its
 * sequence), as the contact's item holds that id already.
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

    /** True when {@code comments} are few and small enough to ride in the kept run's write. */
    static boolean fit(List<Comment> comments, String keptRunId) {
        if (comments.size() > MAX) {
            return false;
        }
        int bytes = 0;
        for (Comment c : comments) {
            bytes += utf8(c.conversationId()) + utf8(c.author()) + utf8(storedId(c.id(), keptRunId)) + utf8(c.text()) + 8;
        }
        return bytes <= MAX_BYTES;
    }

    /**
     * {@code write} of the contact's item with {@code comments} appended to the kept ones, made only if the
     * item has room for them (else the condition fails and {@link #noRoom} tells why).
     */
    static Update appended(Update write, List<Comment> comments, String keptRunId) {
        if (comments.isEmpty()) {
            return write;
        }
        List<AttributeValue> entries = new ArrayList<>();
        for (Comment c : comments) {
            entries.add(AttributeValue.fromL(List.of(s(c.conversationId()), Attr.time(c.createdAt()), s(c.author() == null ? "" : c.author()),
                    s(storedId(c.id(), keptRunId)), s(c.text()))));
        }
        Map<String, AttributeValue> values = new HashMap<>(write.expressionAttributeValues());
        values.put(":kcNew", AttributeValue.fromL(entries));
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

    /** Every comment the contact's item keeps, of any conversation, oldest first as written. */
    static List<Comment> read(Map<String, AttributeValue> contactItem, String ws, String contactId) {
        AttributeValue kept = contactItem == null ? null : contactItem.get(ATTRIBUTE);
        if (kept == null || !kept.hasL()) {
            return List.of();
        }
        String runId = RunItems.keptRunId(contactItem);
        List<Comment> out = new ArrayList<>();
        for (AttributeValue entry : kept.l()) {
            List<AttributeValue> f = entry.l();
            String id = f.get(3).s();
            out.add(new Comment(ws, contactId, f.get(0).s(), id.startsWith("#") && runId != null ? runId + id : id,
                    f.get(2).s(), f.get(4).s(), Instant.ofEpochMilli(Long.parseLong(f.get(1).n()))));
        }
        return out;
    }

    private static String storedId(String id, String keptRunId) {
        return keptRunId != null && id.startsWith(keptRunId + "#") ? id.substring(keptRunId.length()) : id;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
