package io.switchboard.inbox;

import java.time.Instant;

/**
 * A contact waiting in a pool's assignment queue (a team, or the whole workspace): the run that
 * waits, so it can be offered the contact the moment an agent of the pool comes online.
 */
public record QueuedContact(String contactId, String runId, Instant queuedAt) {
}
