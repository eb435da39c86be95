package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CommentStore} does; run against the DynamoDB adapter and the in-memory fake. */
public abstract class CommentStoreContract {

    protected CommentStore store;
    protected final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract CommentStore newStore();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    Comment comment(String contact, String conversation, String id, String text, Instant at) {
        return new Comment("ws", contact, conversation, id, "workflow:wf", text, at);
    }

    @Test
    void aCommentIsAddedOnceByItsId() {
        assertTrue(store.add(comment("ada", "conv-1", "run-1#2", "VIP", t0)));
        assertFalse(store.add(comment("ada", "conv-1", "run-1#2", "VIP again", t0.plusSeconds(1))));
        assertEquals(List.of("VIP"), store.list("ws", "ada", "conv-1").stream().map(Comment::text).toList());
    }

    @Test
    void aConversationListsItsOwnCommentsOldestFirst() {
        store.add(comment("ada", "conv-1", "b", "second", t0.plusSeconds(5)));
        store.add(comment("ada", "conv-1", "a", "first", t0));
        store.add(comment("ada", "conv-2", "c", "next conversation", t0));
        store.add(comment("ben", "conv-1", "d", "another contact", t0));

        List<Comment> listed = store.list("ws", "ada", "conv-1");
        assertEquals(List.of("first", "second"), listed.stream().map(Comment::text).toList());
        assertEquals(comment("ada", "conv-1", "a", "first", t0), listed.get(0), "every field survives");
        assertEquals(List.of("next conversation"), store.list("ws", "ada", "conv-2").stream().map(Comment::text).toList());
        assertEquals(List.of(), store.list("ws", "cara", "conv-1"));
    }

    @Test
    void theSameIdInAnotherConversationIsAnotherComment() {
        assertTrue(store.add(comment("ada", "conv-1", "note", "one", t0)));
        assertTrue(store.add(comment("ada", "conv-2", "note", "two", t0)));
        assertEquals(1, store.list("ws", "ada", "conv-2").size());
    }
}
