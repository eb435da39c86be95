package io.switchboard.inbox;

import java.util.List;

public interface CommentStore {

    /** Adds the comment once; false when a comment with the same id is already there. */
    boolean add(Comment comment);

    List<Comment> list(String workspaceId, String contactId, String conversationId);
}
