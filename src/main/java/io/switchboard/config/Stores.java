package io.switchboard.config;

import io.switchboard.store.DynamoCommentStore;
import io.switchboard.store.DynamoContactStore;
import io.switchboard.store.DynamoDirectoryStore;
import io.switchboard.store.DynamoMessageStore;
import io.switchboard.store.DynamoRunStore;
import io.switchboard.store.DynamoWorkflowStore;
import io.switchboard.store.DynamoWorkspaceStore;

/** The DynamoDB adapters, built once over the same client and table. */
public record Stores(DynamoContactStore contacts, DynamoMessageStore messages, DynamoCommentStore comments,
        DynamoDirectoryStore directory, DynamoRunStore runs, DynamoWorkflowStore workflows,
        DynamoWorkspaceStore workspaces) {
}
