package io.switchboard.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.engine.step.httprequest.HttpCalls.Call;
import io.switchboard.engine.step.httprequest.HttpCalls.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Request connects only to the addresses its guard checked, against two real local HTTP servers:
 * the customer's system on 127.0.0.1 and, on 127.0.0.2, a stand-in for what a workspace must never reach
 * (cloud metadata, an internal service). The guard is told that 127.0.0.2 is the private one, so the
 * public path (check, connect, redirect) runs for real; host names come from a scripted DNS that can
 * answer differently on each lookup, as a rebinding attacker's does.
 */
class OutboundHttpCallsTest {

    static final InetAddress CUSTOMER = address("127.0.0.1");
    static final InetAddress INTERNAL = address("127.0.0.2");

    HttpServer customer;
    HttpServer internal;
    final List<String> customerSaw = new CopyOnWriteArrayList<>();
    final List<String> internalSaw = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> customerHeaders = new CopyOnWriteArrayList<>();
    final ScriptedDns dns = new ScriptedDns();
    OutboundHttpCalls calls;

    @BeforeEach
    void servers() throws IOException {
        customer = server(CUSTOMER, customerSaw, ex -> {
            customerHeaders.add(Map.copyOf(ex.getRequestHeaders()));
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/to/")) {
                // /to/<status>/<location...>: a redirect to what follows
                String[] parts = ex.getRequestURI().toString().split("/", 4);
                ex.getResponseHeaders().add("Location", parts[3]);
                answer(ex, Integer.parseInt(parts[2]), "");
            } else if (path.equals("/loop")) {
                ex.getResponseHeaders().add("Location", "/loop");
                answer(ex, 302, "");
            } else {
                answer(ex, 200, "{\"customer\": {\"tier\": \"gold\"}}");
            }
        });
        internal = server(INTERNAL, internalSaw, ex -> answer(ex, 200, "{\"customer\": {\"tier\": \"secret\"}}"));
        calls = new OutboundHttpCalls(new ObjectMapper(), workspace -> false, dns, INTERNAL::equals);
    }

    @AfterEach
    void stop() {
        customer.stop(0);
        internal.stop(0);
    }

    @Test
    void aNameThatRebindsToAPrivateAddressAfterTheCheckIsStillCalledAtTheAddressThatWasChecked() {
        dns.answers("crm.test", CUSTOMER, INTERNAL, INTERNAL);

        Outcome outcome = calls.call(post("http://crm.test:" + port(customer) + "/customers"));

        assertNull(outcome.failure());
        assertEquals("gold", outcome.values().get("$.customer.tier"));
        assertEquals(List.of("POST /customers"), customerSaw);
        assertEquals(List.of(), internalSaw, "the address the second lookup answered is never connected to");
        assertEquals(1, dns.lookups("crm.test"), "one lookup: the one that was checked");
        assertEquals(List.of("crm.test:" + port(customer)), customerHeaders.get(0).get("Host"),
                "the request still names the host (and TLS would verify it), only the address is pinned");
    }

    @Test
    void aNameThatAnswersAPrivateAddressFirstIsRefusedAndNothingIsCalled() {
        dns.answers("crm.test", INTERNAL, CUSTOMER);

        Outcome outcome = calls.call(post("http://crm.test:" + port(internal) + "/customers"));

        assertTrue(outcome.failure().startsWith("refused: host crm.test resolves to the private address 127.0.0.2"),
                outcome.failure());
        assertEquals(0, outcome.status());
        assertEquals(List.of(), internalSaw);
        assertEquals(List.of(), customerSaw);
    }

    @Test
    void aRedirectToAPrivateAddressIsCheckedAgainAndRefused() {
        dns.answers("crm.test", CUSTOMER);
        dns.answers("metadata.test", INTERNAL);
        String target = "http://metadata.test:" + port(internal) + "/latest/meta-data";

        Outcome outcome = calls.call(post("http://crm.test:" + port(customer) + "/to/302/" + target));

        assertTrue(outcome.failure().startsWith("refused: redirected to " + target
                + ", but host metadata.test resolves to the private address 127.0.0.2"), outcome.failure());
        assertEquals(List.of(), internalSaw);
    }

    @Test
    void aRedirectThatRebindsIsCalledAtTheAddressCheckedForIt() {
        dns.answers("crm.test", CUSTOMER);
        dns.answers("next.test", CUSTOMER, INTERNAL);

        Outcome outcome = calls.call(post("http://crm.test:" + port(customer) + "/to/307/http://next.test:"
                + port(customer) + "/customers"));

        assertNull(outcome.failure());
        assertEquals(List.of("POST /to/307/http://next.test:" + port(customer) + "/customers", "POST /customers"),
                customerSaw, "307 keeps the method");
        assertEquals(List.of(), internalSaw);
        assertEquals(1, dns.lookups("next.test"));
    }

    @Test
    void redirectsAreFollowedAsBrowsersDoAndCredentialsStayWithTheirOrigin() {
        dns.answers("crm.test", CUSTOMER);
        dns.answers("other.test", CUSTOMER);
        int port = port(customer);

        Outcome same = calls.call(post("http://crm.test:" + port + "/to/303//customers"));
        assertNull(same.failure());
        assertEquals(List.of("POST /to/303//customers", "GET /customers"), customerSaw, "303 continues with GET");
        assertEquals(List.of("Bearer crm-token"), customerHeaders.get(1).get("Authorization"), "same origin keeps it");

        customerSaw.clear();
        customerHeaders.clear();
        Outcome other = calls.call(post("http://crm.test:" + port + "/to/301/http://other.test:" + port + "/customers"));
        assertNull(other.failure());
        assertEquals(List.of("POST /to/301/http://other.test:" + port + "/customers", "GET /customers"), customerSaw);
        assertNull(customerHeaders.get(1).get("Authorization"), "another origin never gets the workflow's credentials");
        assertEquals(List.of("v"), customerHeaders.get(1).get("X-plain"));
    }

    @Test
    void aRedirectToAnotherSchemeOrEndlessRedirectsFail() {
        dns.answers("crm.test", CUSTOMER);
        int port = port(customer);

        Outcome file = calls.call(post("http://crm.test:" + port + "/to/302/file:///etc/passwd"));
        assertEquals("refused: redirected to file:///etc/passwd, but only http and https URLs can be called, not \"file\"",
                file.failure());

        Outcome loop = calls.call(post("http://crm.test:" + port + "/loop"));
        assertEquals("more than 5 redirects", loop.failure());
        assertEquals(302, loop.status());
    }

    @Test
    void headersThatWouldBreakTheRequestAreRefusedBeforeAnythingIsSent() {
        dns.answers("crm.test", CUSTOMER);
        String url = "http://crm.test:" + port(customer) + "/customers";

        assertEquals("a header is not allowed: the value of X-Name contains a line break or another control character",
                calls.call(call(url, Map.of("X-Name", "Ada\r\nX-Injected: 1"))).failure());
        assertEquals("a header is not allowed: Host is set by the HTTP client",
                calls.call(call(url, Map.of("Host", "internal"))).failure());
        assertEquals("a header is not allowed: \"X Name\" is not a valid header name",
                calls.call(call(url, Map.of("X Name", "v"))).failure());
        assertEquals(List.of(), customerSaw);
    }

    @Test
    void aNameThatDoesNotResolveFailsToConnect() {
        Outcome outcome = calls.call(post("http://nowhere.test/customers"));
        assertTrue(outcome.failure().startsWith("could not connect: UnknownHostException"), outcome.failure());
    }

    Call post(String url) {
        return call(url, Map.of("Authorization", "Bearer crm-token", "X-Plain", "v"));
    }

    static Call call(String url, Map<String, String> headers) {
        return new Call("ws-1", "POST", url, headers, "{\"name\": \"Ada\"}", Duration.ofSeconds(3),
                List.of("$.customer.tier"), "key-1");
    }

    /** Answers each name from its script, one answer per lookup, repeating the last. */
    static final class ScriptedDns implements HostResolver {
        private final Map<String, List<InetAddress>> scripts = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        void answers(String host, InetAddress... inTurn) {
            scripts.put(host, List.of(inTurn));
        }

        int lookups(String host) {
            return lookups.getOrDefault(host, new AtomicInteger()).get();
        }

        @Override
        public InetAddress[] addressesOf(String host) throws UnknownHostException {
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
            List<InetAddress> script = scripts.get(host);
            if (script == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {script.get(Math.min(n, script.size() - 1))};
        }
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    static HttpServer server(InetAddress address, List<String> saw, Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", ex -> {
            saw.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            ex.getRequestBody().readAllBytes();
            handler.handle(ex);
        });
        server.start();
        return server;
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
