package io.switchboard.engine;

import io.switchboard.engine.run.Awaiting;
import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.engine.workflow.TriggerEvent;
import io.switchboard.engine.workflow.TriggerType;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.ContactStore;
import io.switchboard.inbox.InboxEvents;
import io.switchboard.inbox.OpenedBy;
import io.switchboard.inbox.Opening;
import java.time.Instant;
import java.util.Map;

/** The inbox's events as workflow triggers: each becomes the trigger event the run engine starts runs for. */
public final class RunTriggers implements InboxEvents {

    private final RunEngine engine;

    public RunTriggers(RunEngine engine) {
        this.engine = engine;
    }

    @Override
    public void conversationOpened(String workspaceId, Contact contact, Instant at, String openingMessage,
            boolean firstDelivery) {
        TriggerEvent opened = opened(workspaceId, contact, at, openingMessage);
        // a first delivery's runs are stored by their first write: the webhook is redelivered if that never lands
        if (firstDelivery) {
            engine.handleFirstDelivery(opened, contact);
        } else {
            engine.handle(opened, contact);
        }
    }

    @Override
    public void conversationOpening(String workspaceId, Opening opening, Instant at, String openingMessage) {
        engine.handleOpening(opened(workspaceId, opening.contact(), at, openingMessage), opening);
    }

    private static TriggerEvent opened(String workspaceId, Contact contact, Instant at, String openingMessage) {
        String conversationId = contact.conversation().id();
        // the conversation's id is the event's: a redelivered message opens nothing twice
        return new TriggerEvent(workspaceId, TriggerType.CONVERSATION_OPENED, conversationId, contact.id(),
                conversationId, at, Map.of("source", OpenedBy.CONTACT.wireName(), "message", openingMessage));
    }

    @Override
    public void replyArrived(String workspaceId, Contact contact, String runId, String text, String messageId) {
        engine.replied(workspaceId, contact.id(), runId, new Awaiting.Reply(text, messageId));
    }

    @Override
    public void tagsChanged(String workspaceId, ContactStore.TagsChange change, String key, String source, Instant at) {
        ContactEvents.of(workspaceId, change, key, source, at).forEach(e -> engine.handle(e, change.contact()));
    }

    @Override
    public void fieldsChanged(String workspaceId, ContactStore.FieldsChange change, String key, String source,
            Instant at) {
        ContactEvents.of(workspaceId, change, key, source, at).forEach(e -> engine.handle(e, change.contact()));
    }

    @Override
    public void conversationClosed(String workspaceId, String contactId, String conversationId, String closedBy,
            Instant at) {
        engine.handle(new TriggerEvent(workspaceId, TriggerType.CONVERSATION_CLOSED, conversationId, contactId,
                conversationId, at, Map.of("source", closedBy)));
    }
}
