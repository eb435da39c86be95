package io.switchboard.engine.step.httprequest;

import io.switchboard.engine.step.StepReader;
import io.switchboard.engine.step.DeclaredStepType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HttpRequest step type: its name, record, handler and how its document is read. */
public final class HttpRequestType extends DeclaredStepType<HttpRequestStep> {

    public static final String NAME = "http_request";

    public HttpRequestType() {
        super(NAME, HttpRequestStep.class, new HttpRequestHandler(), HttpRequestType::read);
        writesVariables("http");
        needs(HttpCalls.class);
    }

    private static HttpRequestStep read(StepReader step) {
        List<HttpRequestStep.Mapping> mappings = new ArrayList<>();
        for (StepReader m : step.objects("responseMapping")) {
            mappings.add(new HttpRequestStep.Mapping(m.text("path"),
                    HttpRequestStep.Target.valueOf(m.text("saveTo").toUpperCase()), m.text("name")));
        }
        return new HttpRequestStep(step.id(), step.text("method"), step.text("url"), step.textMap("headers"),
                step.text("body"), Duration.ofSeconds(step.integer("timeoutSeconds", 10)), mappings,
                step.steps("onFailure"));
    }
}
