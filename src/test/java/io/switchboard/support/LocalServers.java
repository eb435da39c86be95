package io.switchboard.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The one way fixture servers speaking an outside API over HTTP start (fake platforms, fake Google,
 * the chat model, a customer's API): one JDK server per name and test JVM, on a free loopback port,
 * started on first use and kept to the JVM's end. It is held in the system properties as a JDK
 * object because the application and the tests may load the fixture classes in different class
 * loaders (each Quarkus test profile restarts the application); both then reach the same server. A
 * test class installs its handlers with {@link #route}, replacing the previous test class's.
 */
public final class LocalServers {

    private LocalServers() {
    }

    public static synchronized HttpServer named(String name) {
        String property = "test.local-server." + name;
        Object held = System.getProperties().get(property);
        if (held != null) {
            return (HttpServer) held;
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // a slow endpoint must not hold up the next request
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fixture-" + name);
                t.setDaemon(true);
                return t;
            }));
            server.start();
            System.getProperties().put(property, server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("fixture server " + name + " did not start", e);
        }
    }

    /** A free loopback port, for fixture servers started as processes or libraries (DynamoDB Local, moto). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static String baseUrl(String name) {
        return "http://127.0.0.1:" + named(name).getAddress().getPort();
    }

    /** Serves {@code path} (and below) of the named server with {@code handler} from now on. */
    public static synchronized void route(String name, String path, HttpHandler handler) {
        HttpServer server = named(name);
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException none) {
            // nobody served it yet
        }
        server.createContext(path, handler);
    }
}
