package io.switchboard.inbox;

import java.time.Instant;
import java.util.List;

/**
 * The workspace's conversations, newest opened first, for people who look across the whole inbox
 * (the run inspector's lists). Each contact is listed once, under its latest conversation, with the
 * runs it has. A page reads a bounded number of conversations; filters that the index cannot answer
 * (status, workflow, waiting runs) are applied to what was read, so a page may hold fewer rows than
 * asked for, and {@link Page#next} goes on from the last conversation looked at.
 */
public interface ConversationIndex {

    /** At most this many conversations are looked at for one page, whatever the filters. */
    int MAX_EXAMINED = 200;

    /** At most this many runs are read per listed contact. */
    int MAX_RUNS_PER_CONTACT = 25;

    /**
     * One page. {@code after} is a previous page's {@link Page#next} (null for the first page); a
     * value that is not one is refused with {@link IllegalArgumentException}.
     */
    Page page(String workspaceId, Query query, String after, int size);

    /** Which runs a listed contact must have: any (or none), a waiting one, or one queued for assignment. */
    enum RunFilter { ANY, WAITING, QUEUED }

    /**
     * What to list. Null fields do not filter. {@code openedFrom} is inclusive, {@code openedBefore}
     * exclusive; both bound the conversation's opening time. With a workflow or a run filter, each
     * listed contact's runs are only those that match.
     */
    record Query(ConversationStatus status, String workflowId, RunFilter runs, Instant openedFrom,
            Instant openedBefore) {

        public static Query all() {
            return new Query(null, null, RunFilter.ANY, null, null);
        }
    }

    /** The rows, the link to the next page (null at the end), and how many conversations were looked at. */
    record Page(List<Listed> conversations, String next, int examined) {
    }

    /** A contact with its latest conversation, and its runs (at most {@link #MAX_RUNS_PER_CONTACT}; {@code moreRuns} when cut). */
    record Listed(Contact contact, List<RunSummary> runs, boolean moreRuns) {
    }

    /**
     * A run as a list shows it. {@code status} is the API's word ({@code running}, {@code waiting},
     * {@code completed}, {@code failed}); {@code state} names the kind of waiting ({@code waiting_for_timer},
     * {@code queued_for_assignment}, ...); {@code dueAt} is set while it waits; {@code queuedSince}
     * while it is queued for assignment.
     */
    record RunSummary(String id, String workflowId, String status, String state, Instant startedAt,
            Instant dueAt, Instant queuedSince) {

        public boolean waiting() {
            return "waiting".equals(status);
        }

        public boolean queued() {
            return "queued_for_assignment".equals(state);
        }
    }
}
