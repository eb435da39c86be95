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

    private record Route(String method, Pattern pattern, List<String> names, Endpoint endpoint) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
    private final List<Route> routes = new ArrayList<>();

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
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, endpoint));
        return this;
    }

    /** The endpoint for the request with its path parameters, or a 404/405 as an {@link ApiException}. */
    public HttpResponse dispatch(HttpRequest request, ErrorRenderer errors) {
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
            try {
                PathParams.check(params);
                return route.endpoint().handle(request.withPathParams(params));
            } catch (ApiException e) {
                return errors.render(e);
            } catch (Exception e) {
                return errors.unexpected(request, e);
            }
        }
        return errors.render(pathKnown
                ? new ApiException(405, "method_not_allowed", request.method() + " is not supported on " + request.path())
                : ApiException.notFound("no endpoint at " + request.path()));
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
