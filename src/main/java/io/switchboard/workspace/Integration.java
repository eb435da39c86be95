package io.switchboard.workspace;

import java.time.Instant;

/**
 * A connection of the workspace to an outside service (such as {@code google-sheets}):
 * {@code account} names it (shown back), {@code sealedCredentials} is sealed by the caller.
 */
public record Integration(String name, String account, String sealedCredentials, Instant updatedAt) {
}
