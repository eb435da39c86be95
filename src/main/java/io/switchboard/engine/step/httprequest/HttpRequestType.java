package io.switchboard.engine.step.httprequest;

import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.StepType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The HttpRequest step type: its document, handler and the rules its document follows. */
public final class HttpRequestType implements StepType<HttpRequestStep> {

    public static final String NAME = "http_request";

    private final HttpRequestHandler handler = new HttpRequestHandler();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HttpRequestStep> stepClass() {
        return HttpRequestStep.class;
    }

    @Override
    public HttpRequestStep parse(StepReader step) {
        List<HttpRequestStep.Mapping> mappings = new ArrayList<>();
        for (StepReader m : step.objects("responseMapping")) {
            mappings.add(new HttpRequestStep.Mapping(m.text("path"),
                    HttpRequestStep.Target.valueOf(m.text("saveTo").toUpperCase()), m.text("name")));
        }
        return new HttpRequestStep(step.id(), step.text("method"), step.text("url"), step.textMap("headers"),
                step.text("body"), Duration.ofSeconds(step.integer("timeoutSeconds", 10)), mappings,
                step.steps("onFailure"));
    }

    @Override
    public StepHandler<HttpRequestStep> handler() {
        return handler;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("method", "GET", "url", "https://crm.example.com/contacts/$contact.id");
    }

    @Override
    public Set<String> variableNamespaces() {
        return Set.of("http");
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(HttpCalls.class);
    }
}
