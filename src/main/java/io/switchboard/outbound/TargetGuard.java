package io.switchboard.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps workflow HTTP requests away from the network Switchboard runs in: only http(s), and, unless
 * the workspace allows private targets, no loopback, link-local (cloud metadata at 169.254.169.254),
 * private, unspecified or multicast address. Every address the host resolves to is checked.
 */
final class TargetGuard {

    private TargetGuard() {
    }

    /** Why the URL may not be called (scheme, host, and the addresses the system resolves it to), or empty. */
    static Optional<String> refusal(URI uri, boolean allowPrivate) {
        Optional<String> form = formRefusal(uri);
        if (form.isPresent() || allowPrivate) {
            return form;
        }
        try {
            checkedAddresses(uri.getHost(), TargetGuard::isPrivate, HostResolver.SYSTEM);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(e instanceof RefusedTarget ? e.getMessage() : "host " + uri.getHost() + " could not be resolved");
        }
    }

    /** Why the URL may not be called whatever its host resolves to (its scheme, a missing host), or empty. */
    static Optional<String> formRefusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can be called, not \"" + scheme + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("the URL has no host");
        }
        return Optional.empty();
    }

    /**
     * The addresses of {@code host} from one lookup, none of them {@code refused} (normally
     * {@link #isPrivate}); the caller must connect to these and resolve nothing again.
     */
    static InetAddress[] checkedAddresses(String host, Predicate<InetAddress> refused, HostResolver resolver)
            throws UnknownHostException {
        // URI hosts keep an IPv6 literal's brackets; the resolver wants the bare address.
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.addressesOf(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("host " + host + " could not be resolved");
        }
        for (InetAddress address : addresses) {
            if (refused.test(address)) {
                throw new RefusedTarget("host " + host + " resolves to the private address " + address.getHostAddress()
                        + "; allow private targets in the workspace settings to call it");
            }
        }
        return addresses.clone();
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
