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

    /** An event kind we do not act on (reads, reactions, follows...): acknowledged and dropped. */
    record Ignored(String kind) implements ChannelEvent {
    }
}
