package io.switchboard.engine.run;

import io.switchboard.inbox.ChangedSinceRead;
import io.switchboard.inbox.Comment;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.FieldEdit;
import io.switchboard.inbox.TagEdit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox writes a wake-up's steps make before the run is claimed, held to be committed with the
 * run's next write in one atomic write ({@link SegmentCommits}). This is what lets a wake-up go without
 * the write that claims its run: two deliveries of one wake-up may both work out the same steps, and
 * only the one whose commit still finds the run at the version it read changes anything; the other's
 * held writes are dropped with it. Only writes to the contact read for the segment are held (its
 * assignment, the close of its conversation, a change of its tags or fields, and comments), and at most
 * one write of each item, since one atomic write may touch an item once.
 */
public final class HeldWrites {

    /** At most this many comments wait for a commit; another makes the engine claim the run first. */
    public static final int MAX_COMMENTS = 10;

    /** A write of the segment's contact, held; one per segment (one atomic write touches an item once). */
    public sealed interface ContactWrite permits Assignment, Close, Tags, Fields {
    }

    /**
     * An assignment of the contact as it was read ({@code before}): the commit is refused
     * ({@link Stale}) if the contact's assignee or conversation changed since.
     */
    public record Assignment(String workspaceId, String contactId, String assigneeId, String effectKey, Instant at,
            Contact before) implements ContactWrite {
    }

    /**
     * The close of the contact's conversation {@code conversationId} as the contact was read
     * ({@code before}): the commit is refused ({@link Stale}) if the conversation is no longer open or a
     * message came or went in it since the read.
     */
    public record Close(String workspaceId, String contactId, String conversationId, Instant at, Contact before)
            implements ContactWrite {
    }

    /**
     * A change of the contact's tags worked out on the contact as read ({@code before}). The commit is
     * refused ({@link Stale}) if the tags changed since the read.
     */
    public record Tags(String workspaceId, String contactId, TagEdit edit, String effectKey, Instant at, Contact before)
            implements ContactWrite {
    }

    /** A change of the contact's fields worked out on the contact as read; refused if the fields changed since. */
    public record Fields(String workspaceId, String contactId, FieldEdit edit, String effectKey, Instant at,
            Contact before) implements ContactWrite {
    }

    /**
     * Thrown by a held port when a write cannot be held (a second assignment in the segment, a contact not
     * read in it, too many comments): the engine claims the run, committing what is held, and runs the
     * step again against the stores themselves.
     */
    public static final class MustClaim extends RuntimeException {
        public MustClaim(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Thrown by {@link SegmentCommits} when the inbox changed since the segment read it: the held writes
     * rest on a stale read, so nothing was written, and the wake-up is worked out again on a fresh read.
     */
    public static final class Stale extends ChangedSinceRead {
        public Stale(String what) {
            super(what);
        }
    }

    private ContactWrite contact;
    private final List<Comment> comments = new ArrayList<>();

    /** The held write of the contact; null if none. */
    public ContactWrite contactWrite() {
        return contact;
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public boolean isEmpty() {
        return contact == null && comments.isEmpty();
    }

    /** Holds the segment's write of its contact; a second one makes the engine claim the run first. */
    public void hold(ContactWrite held) {
        if (contact != null) {
            throw new MustClaim("a second write of the contact in one segment");
        }
        contact = held;
    }

    public void hold(Comment comment) {
        if (comments.size() >= MAX_COMMENTS) {
            throw new MustClaim("more than " + MAX_COMMENTS + " comments in one segment");
        }
        comments.add(comment);
    }
}
