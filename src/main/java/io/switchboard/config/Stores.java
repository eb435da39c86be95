package io.switchboard.config;

import io.switchboard.document.WorkflowDrafts;
import io.switchboard.engine.run.RunStore;
import io.switchboard.inbox.CommentStore;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.MessageStore;

import io.switchboard.workspace.WorkspaceStore;

/**
 * The stores, by the role each plays (the DynamoDB adapters, built once over the same client and
 * table, are chosen in {@link Wiring}).
 */
public record Stores(ContactStore contacts, MessageStore messages, CommentStore comments,
        DirectoryStore directory, RunStore runs, WorkflowDrafts workflows,
        WorkspaceStore workspaces) {
}
