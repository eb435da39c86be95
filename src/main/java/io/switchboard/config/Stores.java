package io.switchboard.config;

import io.switchboard.document.WorkflowDrafts;
import io.switchboard.engine.run.RunStore;
import io.switchboard.engine.run.SegmentCommits;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.MessageStore;

import io.switchboard.workspace.WorkspaceStore;

/**
 * The stores, by the role each plays (the DynamoDB adapters, built once over the same client and
 * table, are chosen in {@link Wiring}), and the atomic write of a wake-up's run with what its steps held.
 */
public record Stores(ContactStore contacts, MessageStore messages, CommentStore comments,
        DirectoryStore directory, RunStore runs, WorkflowDrafts workflows,
        WorkspaceStore workspaces, SegmentCommits commits) {
}
