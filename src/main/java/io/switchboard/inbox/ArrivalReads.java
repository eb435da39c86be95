package io.switchboard.inbox;

/**
 * What a webhook must know before it records a contact's message: which contact the platform's
 * identity is (a linked identity names another contact), whether this message was recorded before
 * (a redelivery), and the contact as stored now, which tells whether a conversation is open. A store
 * that can read the three at once does so in one request.
 */
public interface ArrivalReads {

    /**
     * {@code contactRead} says whether {@code contact} was read (null then means a contact not stored
     * yet); when false the caller learns the contact from its first write.
     */
    record Arrival(String contactId, boolean duplicate, boolean contactRead, Contact contact) {
    }

    Arrival read(String workspaceId, String channelId, String platformContactId, String externalMessageId);

    /** The reads one after another through the stores' own lookups (the contact is not read). */
    static ArrivalReads of(ContactStore contacts, MessageStore messages) {
        return (ws, channelId, platformId, externalId) -> {
            String contactId = contacts.linkedContact(ws, channelId, platformId).orElse(platformId);
            return new Arrival(contactId, messages.exists(ws, contactId, channelId, externalId), false, null);
        };
    }
}
