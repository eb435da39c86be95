package io.switchboard.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.document.Problem;
import io.switchboard.function.http.Api;
import io.switchboard.function.http.ApiException;
import io.switchboard.function.http.HttpRequest;
import io.switchboard.function.http.HttpResponse;
import io.switchboard.function.http.Routes;
import io.switchboard.template.Template;
import io.switchboard.template.TemplateCatalog;
import io.switchboard.template.TemplateInstaller;
import io.switchboard.template.TemplateParameter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Workflow templates: listed, read, and installed as a workflow with the user's parameter values. An
 * install is saved and published exactly as a workflow written by hand.
 */
@Singleton
public class TemplateEndpoints {

    private static final Set<String> INSTALL_FIELDS = Set.of("workflowId", "name", "parameters", "publish");

    private final Api api;
    private final TemplateInstaller installer;
    // read on first use, not at start-up: parsing and checking 30 templates is time a webhook would wait for
    private volatile TemplateCatalog catalog;

    public TemplateEndpoints(Api api, TemplateInstaller installer) {
        this.api = api;
        this.installer = installer;
    }

    private TemplateCatalog catalog() {
        TemplateCatalog c = catalog;
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = new TemplateCatalog(api.json());
                }
                c = catalog;
            }
        }
        return c;
    }

    public void register(Routes routes) {
        routes.add("GET", "/api/v1/templates", this::list);
        routes.add("GET", "/api/v1/templates/{templateId}", this::get);
        routes.add("POST", "/api/v1/templates/{templateId}/install", this::install);
    }

    HttpResponse list(HttpRequest request) {
        api.workspace(request);
        return api.ok(200, Map.of("templates", catalog().all().stream().map(this::summary).toList()));
    }

    HttpResponse get(HttpRequest request) {
        api.workspace(request);
        Template t = template(request);
        Map<String, Object> out = summary(t);
        out.put("parameters", t.parameters().stream().map(TemplateEndpoints::parameter).toList());
        out.put("workflow", t.workflow());
        return api.ok(200, out);
    }

    /**
     * Installing again with the same workflowId and the same resulting document changes nothing and
     * answers 200 (a retried request is safe); a different document under that id is a 409.
     */
    HttpResponse install(HttpRequest request) {
        String ws = api.workspace(request);
        Template t = template(request);
        JsonNode body = api.body(request);
        List<Problem> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!INSTALL_FIELDS.contains(f)) {
                problems.add(new Problem("$." + f, "unknown field; an install takes " + String.join(", ", INSTALL_FIELDS)));
            }
        });
        JsonNode values = body.path("parameters");
        if (body.has("parameters") && !values.isObject()) {
            problems.add(new Problem("$.parameters", "must be an object of parameter values"));
        }
        if (body.has("publish") && !body.get("publish").isBoolean()) {
            problems.add(new Problem("$.publish", "must be true or false"));
        }
        if (body.has("name") && !(body.get("name").isTextual() && !body.get("name").asText().isBlank())) {
            problems.add(new Problem("$.name", "must be a non-empty text"));
        }
        if (!problems.isEmpty()) {
            throw invalid("the install request is invalid", problems);
        }
        String id = body.hasNonNull("workflowId") ? Api.id(body.get("workflowId").asText(), "$.workflowId")
                : "wf_" + UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installed installed;
        try {
            installed = installer.install(ws, t, new TemplateInstaller.Install(id,
                    body.hasNonNull("name") ? body.get("name").asText() : null, values.isObject() ? values : null,
                    body.path("publish").asBoolean(false)));
        } catch (TemplateInstaller.InvalidInstall e) {
            throw new ApiException(400, "invalid_parameters", e.getMessage(), e.problems());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", installed.workflowId());
        out.put("template", t.id());
        out.put("status", installed.version() > 0 ? "published" : "draft");
        out.put("version", installed.version());
        out.put("document", installed.document());
        return api.ok(installed.created() ? 201 : 200, out);
    }

    private Template template(HttpRequest request) {
        String id = request.param("templateId");
        return catalog().find(id).orElseThrow(() -> ApiException.notFound("no template " + id
                + "; GET /api/v1/templates lists them"));
    }

    private static ApiException invalid(String message, List<Problem> problems) {
        return new ApiException(400, "invalid_parameters", message + ": " + String.join("; ",
                problems.stream().map(p -> p.path() + " " + p.message()).toList()), problems);
    }

    private Map<String, Object> summary(Template t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("name", t.name());
        out.put("recipe", t.recipe());
        out.put("description", t.description());
        out.put("trigger", t.workflow().path("trigger").path("type").asText());
        out.put("requiredParameters", t.parameters().stream().filter(TemplateParameter::required)
                .map(TemplateParameter::name).toList());
        return out;
    }

    private static Map<String, Object> parameter(TemplateParameter p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("type", p.type().wireName());
        out.put("description", p.description());
        out.put("required", p.required());
        if (p.defaultValue() != null) {
            out.put("default", p.defaultValue());
        }
        if (!p.options().isEmpty()) {
            out.put("options", p.options());
        }
        out.put("example", p.example());
        return out;
    }
}
