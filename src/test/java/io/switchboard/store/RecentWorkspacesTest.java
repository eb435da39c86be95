package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.workspace.Channel;
import io.switchboard.workspace.RecentWorkspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two processes' workspace stores over one table on DynamoDB Local, each keeping the channel and
 * API-key reads for two seconds of its own ticker: what a webhook or an API call on one sees of a
 * change made on the other.
 */
class RecentWorkspacesTest {

    final LocalTable table = new LocalTable();
    final AtomicLong nanos = new AtomicLong();
    final RecentWorkspaces here = new RecentWorkspaces(new DynamoWorkspaceStore(table.db, table.name),
            RecentWorkspaces.FRESH_FOR, nanos::get);
    final RecentWorkspaces elsewhere = new RecentWorkspaces(new DynamoWorkspaceStore(table.db, table.name),
            RecentWorkspaces.FRESH_FOR, nanos::get);

    RecentWorkspacesTest() {
        here.create("ws", "Acme", "key-1", Instant.parse("2026-12-01T00:00:00Z"));
        here.addChannel(new Channel("web", "ws", "custom", "Web chat", "secret-1"));
    }

    @Test
    void aChannelRemovedByHandFromTheTableIsAnsweredForAtMostTwoSecondsMore() {
        assertEquals("secret-1", here.channel("web").orElseThrow().secret());
        assertEquals(Optional.of("ws"), here.workspaceOfApiKey("key-1"));
        table.db.deleteItem(b -> b.tableName(table.name).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CHANNEL#web"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CHANNEL"))));

        nanos.addAndGet(Duration.ofMillis(1_900).toNanos());
        assertTrue(here.channel("web").isPresent(), "still this process's read of 1.9 s ago");
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertTrue(here.channel("web").isEmpty(), "read again after two seconds");
        assertEquals(Optional.of("ws"), here.workspaceOfApiKey("key-1"), "read again, still there");
    }

    @Test
    void aChannelOrApiKeyCreatedOnAnotherProcessWorksHereAtOnceThoughThisOneAskedBefore() {
        assertTrue(here.channel("sms").isEmpty());
        assertTrue(here.workspaceOfApiKey("key-2").isEmpty());
        elsewhere.addChannel(new Channel("sms", "ws", "custom", "SMS", "secret-3"));
        elsewhere.create("ws2", "Other", "key-2", Instant.parse("2026-12-01T00:00:00Z"));

        assertEquals("secret-3", here.channel("sms").orElseThrow().secret(), "an absent channel is not remembered");
        assertEquals(Optional.of("ws2"), here.workspaceOfApiKey("key-2"), "an unknown key is not remembered");
        assertEquals(Optional.of("ws"), here.workspaceOfApiKey("key-1"));
    }
}
