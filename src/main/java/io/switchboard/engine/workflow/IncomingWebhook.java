package io.switchboard.engine.workflow;

/**
 * The Incoming Webhook trigger's settings: where in the posted JSON the contact is, and whether a
 * contact we do not know yet is created or the delivery refused.
 *
 * @param contactIdPath   a JSON path such as {@code $.contact.id}
 * @param contactNamePath optional; the name given to a contact this delivery creates
 * @param createContact   true: an unknown contact is created; false: the delivery is refused
 */
public record IncomingWebhook(String contactIdPath, String contactNamePath, boolean createContact) {
}
