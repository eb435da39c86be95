package io.switchboard.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps workflow HTTP requests away from the network Switchboard runs in: only http(s), and, unless
 * the workspace allows private targets, no loopback, link-local (cloud metadata at 169.254.169.254),
 * private, unspecified or multicast address. Every address the host resolves to is checked.
 */
final class TargetGuard {

    private TargetGuard() {
    }

    /** Why the URL may not be called, or empty when it may. */
    static Optional<String> refusal(URI uri, boolean allowPrivate) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can be called, not \"" + scheme + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " could not be resolved");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("host " + uri.getHost() + " resolves to the private address "
                        + address.getHostAddress() + "; allow private targets in the workspace settings to call it");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        // fc00::/7 (unique local), which isSiteLocalAddress does not cover; IPv4-mapped IPv6 addresses
        // are returned as Inet4Address by the resolver, so the IPv4 checks above apply to them.
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}
