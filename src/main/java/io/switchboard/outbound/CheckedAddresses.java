package io.switchboard.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only DNS: it resolves a host once, lets the {@link TargetGuard} check every address,
 * and hands the client exactly those addresses to connect to. Checking and connecting on one lookup
 * closes the DNS-rebinding window (a name that answers a public address to the check and a private one
 * to the connection); every redirect's host comes through here too, so it is checked as well.
 */
final class CheckedAddresses implements DnsResolver {

    private final HostResolver resolver;
    private final Predicate<InetAddress> refused;

    /** {@code refused}: the addresses never to connect to ({@link TargetGuard#isPrivate}, or none). */
    CheckedAddresses(HostResolver resolver, Predicate<InetAddress> refused) {
        this.resolver = resolver;
        this.refused = refused;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return TargetGuard.checkedAddresses(host, refused, resolver);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only used for Kerberos/SPNEGO, which HTTP Request never does: no second lookup.
        return host;
    }
}
