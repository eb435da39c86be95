package io.switchboard.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into addresses: the system's DNS in production, a scripted one in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] addressesOf(String host) throws UnknownHostException;
}
