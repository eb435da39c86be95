package io.switchboard.function.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP surface as a table of method + path pattern ({@code /api/v1/users/{userId}}) to endpoint,
 * independent of the transport that delivers requests.
 */
public final class Routes {

    private record Route(String method, String template, Pattern pattern, List<String> names, Endpoint endpoint) {
    }

    /** A route as it was registered: the method and the path template, such as {@code /api/v1/users/{userId}}. */
    public record Described(String method, String template) {
    }

    /**
     * Told about every request the table answered, with the template of the route it matched (null
     * for a 404/405), so that metrics can be tagged by route rather than by a path holding ids.
     */
    @FunctionalInterface
    public interface Listener {
        void handled(String template, HttpRequest request, HttpResponse response, java.time.Duration took);
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
    private final List<Route> routes = new ArrayList<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Routes listen(Listener listener) {
        listeners.add(listener);
        return this;
    }

    /** Every registered route, in registration order. */
    public List<Described> described() {
        return routes.stream().map(r -> new Described(r.method(), r.template())).toList();
    }

    public Routes add(String method, String template, Endpoint endpoint) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, endpoint));
        return this;
    }

    /** The endpoint for the request with its path parameters, or a 404/405 as an {@link ApiException}. */
    public HttpResponse dispatch(HttpRequest request, ErrorRenderer errors) {
        long began = System.nanoTime();
        Matched matched = match(request, errors);
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - began);
        for (Listener listener : listeners) {
            listener.handled(matched.template(), matched.request(), matched.response(), took);
        }
        return matched.response();
    }

    private record Matched(String template, HttpRequest request, HttpResponse response) {
    }

    private Matched match(HttpRequest request, ErrorRenderer errors) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                params.put(route.names().get(i), decoded(m.group(i + 1)));
            }
            HttpRequest withParams = request.withPathParams(params);
            HttpResponse response;
            try {
                PathParams.check(params);
                response = route.endpoint().handle(withParams);
            } catch (ApiException e) {
                response = errors.render(e);
            } catch (Exception e) {
                response = errors.unexpected(request, e);
            }
            return new Matched(route.template(), withParams, response);
        }
        return new Matched(null, request, errors.render(pathKnown
                ? new ApiException(405, "method_not_allowed", request.method() + " is not supported on " + request.path())
                : ApiException.notFound("no endpoint at " + request.path())));
    }

    /** Path parameters arrive percent-encoded ("%2B1555..." for a phone number); '+' stays '+'. */
    private static String decoded(String raw) {
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    public interface ErrorRenderer {
        HttpResponse render(ApiException e);

        HttpResponse unexpected(HttpRequest request, Exception e);
    }
}
