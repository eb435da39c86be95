package io.switchboard.inbox;

import java.util.List;

public interface MessageStore {

    boolean exists(String workspaceId, String contactId, String channelId, String externalId);

    /** Stores the message once; false when a message with the same channel and external id exists. */
    boolean append(Message message);

    List<Message> list(String workspaceId, String contactId);
}
