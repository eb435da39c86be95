package io.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One kustomize target as {@code kubectl kustomize} renders it, every document read into its
 * fabric8 model. Whatever does not fit the model (a wrong type, a field Kubernetes does not know)
 * becomes a schema problem naming the source file, the object and the field.
 */
final class RenderedManifests {

    /** The kinds our manifests may use, by apiVersion/kind. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "batch/v1/CronJob", CronJob.class,
            "rbac.authorization.k8s.io/v1/Role", io.fabric8.kubernetes.api.model.rbac.Role.class,
            "rbac.authorization.k8s.io/v1/RoleBinding", io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
            "serving.knative.dev/v1/Service", io.fabric8.knative.serving.v1.Service.class);

    private static final String ORIGIN = "config.kubernetes.io/origin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** A rendered object with the place it came from, for messages. */
    record Manifest(String origin, String apiVersion, String kind, String name, HasMetadata model) {
        String where() {
            return origin + " (" + apiVersion + " " + kind + " " + name + ")";
        }
    }

    final String target;
    final List<Manifest> manifests = new ArrayList<>();
    final List<String> schemaProblems = new ArrayList<>();

    private RenderedManifests(String target) {
        this.target = target;
    }

    /**
     * Renders {@code k8s/<target>} from a copy of {@code k8s/} whose kustomizations record each
     * object's source file ({@code buildMetadata: [originAnnotations]}).
     */
    static RenderedManifests render(Path k8sCopy, String target) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", k8sCopy.resolve(target).toString())
                .redirectErrorStream(false).start();
        var stdout = kubectl.getInputStream().readAllBytes();
        var stderr = kubectl.getErrorStream().readAllBytes();
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize k8s/" + target + " failed: "
                    + new String(stderr, StandardCharsets.UTF_8).strip());
        }
        RenderedManifests rendered = new RenderedManifests(target);
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(stdout)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    rendered.read(document);
                }
            }
        }
        return rendered;
    }

    private void read(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText("<no name>");
        String origin = origin(document);
        String where = origin + " (" + apiVersion + " " + kind + " " + name + ")";
        Class<? extends HasMetadata> model = MODELS.get(apiVersion + "/" + kind);
        if (model == null) {
            schemaProblems.add(where + ": no model for apiVersion/kind " + apiVersion + "/" + kind
                    + "; add it to RenderedManifests.MODELS");
            return;
        }
        HasMetadata object;
        try {
            object = JSON.treeToValue(document, model);
        } catch (JsonMappingException e) {
            schemaProblems.add(where + ": " + path(e) + ": " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            schemaProblems.add(where + ": " + e.getMessage());
            return;
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, "", unknown);
        unknown.forEach(problem -> schemaProblems.add(where + ": " + problem));
        manifests.add(new Manifest(origin, apiVersion, kind, name, object));
    }

    /** The source file, e.g. k8s/base/service.yaml, from the origin annotation kustomize wrote. */
    private String origin(JsonNode document) {
        String annotation = document.path("metadata").path("annotations").path(ORIGIN).asText("");
        for (String line : annotation.split("\n")) {
            if (line.startsWith("path: ")) {
                return Path.of("k8s", target).resolve(line.substring(6).strip()).normalize().toString();
            }
        }
        return "k8s/" + target;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "<document>" : path.substring(1);
    }

    /**
     * fabric8 models keep fields they do not know in {@code additionalProperties} instead of
     * failing; Kubernetes would reject or silently drop them, so any entry there is a problem.
     */
    private static void collectUnknownFields(Object value, String path, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, join(path, String.valueOf(key)), out));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.add((path.isEmpty() ? "<top level>" : path) + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(fieldValue, join(path, jsonName(field)), out);
                }
            }
        }
    }

    private static String jsonName(Field field) {
        var property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::model).filter(type::isInstance).map(type::cast).toList();
    }

    Manifest manifestOf(HasMetadata model) {
        return manifests.stream().filter(m -> m.model() == model).findFirst().orElseThrow();
    }
}
