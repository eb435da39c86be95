package io.switchboard.outbound;

import java.net.UnknownHostException;

/**
 * A host the {@link TargetGuard} refused. An {@link UnknownHostException}, because that is what a DNS
 * resolver may throw to the HTTP client, which then gives up on the connection without trying any address.
 */
final class RefusedTarget extends UnknownHostException {

    RefusedTarget(String reason) {
        super(reason);
    }
}
