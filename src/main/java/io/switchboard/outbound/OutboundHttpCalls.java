package io.switchboard.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.step.httprequest.HttpCalls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP Request's calls, behind the {@link TargetGuard}. The client resolves hosts only through
 * {@link CheckedAddresses}, so it connects to exactly the addresses that were checked; redirects are
 * followed here, one at a time, so each target's scheme is checked and its host is resolved and checked
 * again before anything is sent to it.
 */
public final class OutboundHttpCalls implements HttpCalls {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Headers the client writes itself (framing, the target); a workflow setting them would break the request. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    /** Credentials that must not follow a redirect to another origin. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    private final CloseableHttpClient publicTargets;
    private final CloseableHttpClient anyTargets;
    private final ObjectMapper json;
    private final Predicate<String> allowsPrivateTargets;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-request-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** {@code allowsPrivateTargets} tells, by workspace id, whether its workflows may call private addresses. */
    public OutboundHttpCalls(ObjectMapper json, Predicate<String> allowsPrivateTargets) {
        this(json, allowsPrivateTargets, HostResolver.SYSTEM, TargetGuard::isPrivate);
    }

    /**
     * With the DNS {@code resolver} the client connects through and the addresses a workspace without
     * private targets may not reach (tests script both, to stand a second local server in for a private one).
     */
    OutboundHttpCalls(ObjectMapper json, Predicate<String> allowsPrivateTargets, HostResolver resolver,
            Predicate<InetAddress> privateAddress) {
        this.json = json;
        this.allowsPrivateTargets = allowsPrivateTargets;
        this.publicTargets = client(new CheckedAddresses(resolver, privateAddress));
        this.anyTargets = client(new CheckedAddresses(resolver, address -> false));
    }

    private static CloseableHttpClient client(CheckedAddresses dns) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(dns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).build())
                        .setMaxConnTotal(200).setMaxConnPerRoute(20).build())
                .setUserAgent("Switchboard")
                // Redirects are followed in call(), where each one is checked; a repeat is the engine's decision.
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().disableContentCompression()
                .build();
    }

    @Override
    public Outcome call(Call call) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(call.url());
        } catch (IllegalArgumentException e) {
            return failed(0, start, "\"" + call.url() + "\" is not a valid URL");
        }
        Optional<String> refused = TargetGuard.formRefusal(uri);
        if (refused.isPresent()) {
            return failed(0, start, "refused: " + refused.get());
        }
        Optional<String> badHeader = call.headers().entrySet().stream().map(h -> headerProblem(h.getKey(), h.getValue()))
                .flatMap(Optional::stream).findFirst();
        if (badHeader.isPresent()) {
            return failed(0, start, "a header is not allowed: " + badHeader.get());
        }
        CloseableHttpClient client = allowsPrivateTargets.test(call.workspaceId()) ? anyTargets : publicTargets;
        long deadline = start + call.timeout().toNanos();
        String method = call.method();
        String body = call.body();
        boolean sendCredentials = true;
        for (int redirects = 0; ; redirects++) {
            HttpUriRequestBase request = request(call, uri, method, body, sendCredentials, deadline);
            Answer answer;
            try {
                answer = send(client, request, deadline);
            } catch (RefusedTarget e) {
                return failed(0, start, redirects == 0 ? "refused: " + e.getMessage()
                        : "refused: redirected to " + uri + ", but " + e.getMessage());
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return failed(0, start, "interrupted");
                }
                return failed(0, start, "no response within " + call.timeout().toSeconds() + " seconds");
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    return failed(0, start, "no response within " + call.timeout().toSeconds() + " seconds");
                }
                return failed(0, start, "could not connect: " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? " " + e.getMessage() : ""));
            }
            if (!REDIRECTS.contains(answer.status()) || answer.location() == null) {
                return outcome(call, answer, start);
            }
            if (redirects == MAX_REDIRECTS) {
                return failed(answer.status(), start, "more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = uri.resolve(answer.location());
            } catch (IllegalArgumentException e) {
                return failed(answer.status(), start, "redirected to \"" + answer.location() + "\", which is not a valid URL");
            }
            Optional<String> nextRefused = TargetGuard.formRefusal(next);
            if (nextRefused.isPresent()) {
                return failed(answer.status(), start, "refused: redirected to " + next + ", but " + nextRefused.get());
            }
            sendCredentials = sendCredentials && sameOrigin(uri, next);
            // As browsers and the HTTP client libraries do: 303 always, and 301/302 after a POST, continue with GET.
            if (answer.status() == 303 || (answer.status() <= 302 && method.equals("POST"))) {
                method = "GET";
                body = null;
            }
            uri = next;
        }
    }

    private record Answer(int status, String body, String location) {
    }

    @SuppressWarnings("deprecation")
    private HttpUriRequestBase request(Call call, URI uri, String method, String body, boolean sendCredentials,
            long deadline) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        Timeout left = Timeout.ofMilliseconds(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        // The connect timeout on the request (deprecated in favour of the pool's ConnectionConfig, which is
        // one figure for every call) is still honoured, and lets each call keep its own deadline.
        request.setConfig(RequestConfig.custom().setConnectionRequestTimeout(left).setConnectTimeout(left)
                .setResponseTimeout(left).build());
        call.headers().forEach((name, value) -> {
            if (sendCredentials || !CREDENTIALS.contains(name.toLowerCase())) {
                request.addHeader(name, value);
            }
        });
        request.setHeader("Idempotency-Key", call.idempotencyKey());
        if (body != null) {
            // No Content-Type of its own: the workflow's headers say what the body is.
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
        }
        return request;
    }

    /** Sends one request; the deadline cancels it wherever it is (connecting, waiting, reading a slow body). */
    private Answer send(CloseableHttpClient client, HttpUriRequestBase request, long deadline) throws IOException {
        ScheduledFuture<?> cancel = deadlines.schedule(request::cancel, Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        try {
            return client.execute(request, response -> {
                Header location = response.getFirstHeader(HttpHeaders.LOCATION);
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Answer(response.getCode(), text, location == null ? null : location.getValue());
            });
        } catch (IOException e) {
            if (request.isCancelled()) {
                throw new InterruptedIOException("deadline");
            }
            throw e;
        } finally {
            cancel.cancel(false);
        }
    }

    private Outcome outcome(Call call, Answer answer, long start) {
        int status = answer.status();
        if (status < 200 || status > 299) {
            return failed(status, start, "the endpoint answered " + status);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!call.jsonPaths().isEmpty()) {
            JsonNode body;
            try {
                body = json.readTree(answer.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !(body.isObject() || body.isArray())) {
                return failed(status, start, "the response is not JSON, so its fields cannot be saved");
            }
            for (String path : call.jsonPaths()) {
                JsonPaths.read(body, path).ifPresent(v -> values.put(path, v));
            }
        }
        return new Outcome(status, millis(start), null, values);
    }

    /** A header name must be an HTTP token; a value may not break the line (no CR, LF or other control). */
    static Optional<String> headerProblem(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            return Optional.of("\"" + name + "\" is not a valid header name");
        }
        if (RESERVED.contains(name.toLowerCase())) {
            return Optional.of(name + " is set by the HTTP client");
        }
        if (value.chars().anyMatch(c -> (c < 32 && c != '\t') || c == 127)) {
            return Optional.of("the value of " + name + " contains a line break or another control character");
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static Outcome failed(int status, long start, String reason) {
        return new Outcome(status, millis(start), reason, Map.of());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
