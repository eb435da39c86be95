package io.switchboard.channel;

import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.OutgoingEcho;
import io.switchboard.inbox.InboxActions.StatusReport;

/** What one platform webhook event means for the inbox, whatever the platform's format. */
public sealed interface ChannelEvent {

    /** A contact wrote. */
    record Incoming(IncomingMessage message) implements ChannelEvent {
    }

    /** The business wrote to the contact from outside Switchboard. */
    record Echo(OutgoingEcho echo) implements ChannelEvent {
    }

    /** The platform reports how far an outgoing message got. */
    record Status(StatusReport report) implements ChannelEvent {
    }

    /**
     * The contact edited a message they sent before ({@code originalId} is the platform's id of it): the
     * stored message takes the new text. An edit never opens a conversation or answers a question.
     */
    record Edit(String channelId, String contactId, String originalId, String text, java.time.Instant at)
            implements ChannelEvent {
    }

    /**
     * Something the contact sent that the platform cannot show us (WhatsApp's "unsupported"): recorded in
     * an open conversation so the agent sees it, but it opens none, fires no trigger and answers no
     * question.
     */
    record Notice(IncomingMessage message) implements ChannelEvent {
    }

    /** An event kind we do not act on (reads, reactions, follows...): acknowledged and dropped. */
    record Ignored(String kind) implements ChannelEvent {
    }
}
