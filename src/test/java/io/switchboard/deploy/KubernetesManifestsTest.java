package io.switchboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.knative.serving.v1.RevisionSpec;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders k8s/base and every overlay with {@code kubectl kustomize}, reads each object into its
 * fabric8 model, and checks what an operator would otherwise find out on the cluster: unknown or
 * mistyped fields, missing probes or resource requests, a schedule cron cannot parse, references to
 * objects that are not there, and secrets committed in plain text. Skipped only when kubectl is
 * missing.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s").toAbsolutePath();
    private static final String PLACEHOLDER_PREFIX = "placeholder-";

    @TempDir
    static Path work;

    private static Path annotatedCopy;
    private static final Map<String, RenderedManifests> RENDERED = new HashMap<>();

    @BeforeAll
    static void copyManifestsRecordingTheirOrigin() throws IOException {
        assertTrue(Files.isDirectory(K8S.resolve("base")), "no k8s/base in " + K8S.getParent());
        annotatedCopy = work.resolve("k8s");
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path source : files.toList()) {
                Path target = annotatedCopy.resolve(K8S.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        try (Stream<Path> files = Files.walk(annotatedCopy)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                Files.writeString(kustomization, Files.readString(kustomization)
                        + "\nbuildMetadata: [originAnnotations]\n");
            }
        }
    }

    static List<String> targets() throws IOException {
        List<String> targets = new ArrayList<>(List.of("base"));
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.filter(Files::isDirectory).map(o -> "overlays/" + o.getFileName()).sorted().forEach(targets::add);
        }
        return targets;
    }

    private static void requireKubectl() {
        // each test reports the skip (a skip in @BeforeAll vanishes from the surefire report)
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH: the Kubernetes manifests are not checked");
    }

    private static RenderedManifests rendered(String target) throws IOException, InterruptedException {
        requireKubectl();
        RenderedManifests rendered = RENDERED.get(target);
        if (rendered == null) {
            rendered = RenderedManifests.render(annotatedCopy, target);
            RENDERED.put(target, rendered);
        }
        return rendered;
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void everyObjectMatchesItsKubernetesSchema(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        assertNoProblems(target, rendered.schemaProblems);
        assertTrue(!rendered.manifests.isEmpty(), "k8s/" + target + " renders no objects");
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void servingContainersHaveProbesAndEveryContainerRequestsResources(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(rendered)) {
            for (int i = 0; i < workload.pod().getContainers().size(); i++) {
                Container container = workload.pod().getContainers().get(i);
                String field = workload.where() + ": " + workload.podPath() + ".containers[" + i + "] ("
                        + container.getName() + ")";
                // A CronJob's container runs to completion: probes would only delay it.
                if (workload.serving()) {
                    if (container.getReadinessProbe() == null) {
                        problems.add(field + ".readinessProbe is missing");
                    }
                    if (container.getLivenessProbe() == null) {
                        problems.add(field + ".livenessProbe is missing");
                    }
                }
                var requests = container.getResources() == null ? null : container.getResources().getRequests();
                for (String resource : List.of("cpu", "memory")) {
                    if (requests == null || !requests.containsKey(resource)) {
                        problems.add(field + ".resources.requests." + resource + " is missing");
                    }
                }
                if (container.getImage() == null || !(container.getImage().contains(":") || container.getImage().contains("@"))) {
                    problems.add(field + ".image \"" + container.getImage() + "\" has no tag (set it with kustomize images:)");
                }
            }
        }
        assertNoProblems(target, problems);
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void cronJobsRunOnAValidScheduleWithoutOverlapping(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        for (CronJob job : rendered.all(CronJob.class)) {
            String where = rendered.manifestOf(job).where();
            CronSchedule.problem(job.getSpec().getSchedule())
                    .ifPresent(problem -> problems.add(where + ": spec.schedule " + problem));
            if (!"Forbid".equals(job.getSpec().getConcurrencyPolicy())) {
                problems.add(where + ": spec.concurrencyPolicy is " + job.getSpec().getConcurrencyPolicy()
                        + ", not Forbid: two sweeps would run at once");
            }
        }
        assertNoProblems(target, problems);
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void secretsHoldOnlyPlaceholders(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        for (Secret secret : rendered.all(Secret.class)) {
            String where = rendered.manifestOf(secret).where();
            Map<String, String> values = new LinkedHashMap<>();
            if (secret.getData() != null) {
                secret.getData().forEach((key, value) -> values.put("data." + key, decode(value)));
            }
            if (secret.getStringData() != null) {
                secret.getStringData().forEach((key, value) -> values.put("stringData." + key, value));
            }
            values.forEach((field, value) -> {
                if (value == null || !value.startsWith(PLACEHOLDER_PREFIX)) {
                    // never print the value itself: it may be a real secret
                    problems.add(where + ": " + field + " is not a placeholder; real secrets are created on the "
                            + "cluster (k8s/README.md), committed values must start with " + PLACEHOLDER_PREFIX);
                }
            });
        }
        assertNoProblems(target, problems);
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void referencedObjectsAreRenderedOrOptional(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(rendered)) {
            PodSpec pod = workload.pod();
            String prefix = workload.where() + ": " + workload.podPath();
            if (pod.getServiceAccountName() != null && find(rendered, ServiceAccount.class, pod.getServiceAccountName()).isEmpty()) {
                problems.add(prefix + ".serviceAccountName: no ServiceAccount " + pod.getServiceAccountName());
            }
            for (int i = 0; i < pod.getContainers().size(); i++) {
                Container container = pod.getContainers().get(i);
                String field = prefix + ".containers[" + i + "]";
                for (int j = 0; j < container.getEnvFrom().size(); j++) {
                    EnvFromSource from = container.getEnvFrom().get(j);
                    if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
                            && find(rendered, ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(field + ".envFrom[" + j + "]: no ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
                            && find(rendered, Secret.class, from.getSecretRef().getName()).isEmpty()) {
                        problems.add(field + ".envFrom[" + j + "]: no Secret " + from.getSecretRef().getName());
                    }
                }
                for (int j = 0; j < container.getEnv().size(); j++) {
                    EnvVar env = container.getEnv().get(j);
                    var source = env.getValueFrom();
                    String envField = field + ".env[" + j + "] (" + env.getName() + ")";
                    if (source != null && source.getSecretKeyRef() != null && !Boolean.TRUE.equals(source.getSecretKeyRef().getOptional())) {
                        var ref = source.getSecretKeyRef();
                        Optional<Secret> secret = find(rendered, Secret.class, ref.getName());
                        if (secret.isEmpty() || !secretKeys(secret.get()).contains(ref.getKey())) {
                            problems.add(envField + ": no key " + ref.getKey() + " in a Secret " + ref.getName()
                                    + " (mark it optional if operators create it)");
                        }
                    }
                    if (source != null && source.getConfigMapKeyRef() != null && !Boolean.TRUE.equals(source.getConfigMapKeyRef().getOptional())) {
                        var ref = source.getConfigMapKeyRef();
                        Optional<ConfigMap> map = find(rendered, ConfigMap.class, ref.getName());
                        if (map.isEmpty() || map.get().getData() == null || !map.get().getData().containsKey(ref.getKey())) {
                            problems.add(envField + ": no key " + ref.getKey() + " in a ConfigMap " + ref.getName());
                        }
                    }
                }
            }
        }
        assertNoProblems(target, problems);
    }

    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void applicationListensOnAllInterfacesAndTheSweepCallsIt(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        var services = rendered.all(io.fabric8.knative.serving.v1.Service.class);
        assertEquals(1, services.size(), "k8s/" + target + " should render one Knative Service");
        var service = services.get(0);
        Map<String, String> env = environment(rendered, service.getSpec().getTemplate().getSpec().getContainers().get(0));
        if (!"0.0.0.0".equals(env.get("QUARKUS_HTTP_HOST"))) {
            problems.add(rendered.manifestOf(service).where() + ": spec.template.spec.containers[0] env QUARKUS_HTTP_HOST is "
                    + env.get("QUARKUS_HTTP_HOST") + ", not 0.0.0.0: the application would not be reachable");
        }
        String expectedUrl = "http://" + service.getMetadata().getName() + ".$(NAMESPACE).svc.cluster.local/sweep";
        for (CronJob job : rendered.all(CronJob.class)) {
            List<String> args = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            if (!args.contains(expectedUrl)) {
                problems.add(rendered.manifestOf(job).where() + ": spec.jobTemplate.spec.template.spec.containers[0].args "
                        + "do not call " + expectedUrl);
            }
        }
        assertNoProblems(target, problems);
    }

    /**
     * Every target wakes runs up on time or says it does not: either a one-replica ticker that sweeps
     * every second only while it holds a Lease its Role lets it renew, reaching the same store as the
     * Knative Service (so an overlay cannot patch one and forget the other), or the minute CronJob.
     */
    @ParameterizedTest(name = "k8s/{0}")
    @MethodSource("targets")
    void theTickerSweepsOnlyWhileItHoldsALeaseItsRoleLetsItRenew(String target) throws Exception {
        RenderedManifests rendered = rendered(target);
        List<String> problems = new ArrayList<>();
        var app = rendered.all(io.fabric8.knative.serving.v1.Service.class).get(0);
        Map<String, String> appEnv = environment(rendered, app.getSpec().getTemplate().getSpec().getContainers().get(0));
        List<Deployment> tickers = rendered.all(Deployment.class).stream()
                .filter(d -> environment(rendered, d.getSpec().getTemplate().getSpec().getContainers().get(0))
                        .containsKey("SWITCHBOARD_SCHEDULER_TICKER_LEASE")).toList();
        if (tickers.isEmpty() && rendered.all(CronJob.class).isEmpty()) {
            problems.add("neither a ticker Deployment nor a sweep CronJob: waits would never end");
        }
        for (Deployment ticker : tickers) {
            String where = rendered.manifestOf(ticker).where() + ": ";
            PodSpec pod = ticker.getSpec().getTemplate().getSpec();
            Map<String, String> env = environment(rendered, pod.getContainers().get(0));
            String lease = env.get("SWITCHBOARD_SCHEDULER_TICKER_LEASE");
            if (!Integer.valueOf(1).equals(ticker.getSpec().getReplicas())) {
                problems.add(where + "spec.replicas is " + ticker.getSpec().getReplicas() + ", not 1");
            }
            if (!"true".equals(env.get("SWITCHBOARD_SCHEDULER_LOCAL_TICKER"))) {
                problems.add(where + "SWITCHBOARD_SCHEDULER_LOCAL_TICKER is not true: it would never sweep");
            }
            if (!"<from the pod>".equals(env.get("POD_NAME"))) {
                problems.add(where + "POD_NAME does not come from the pod: every pod would claim the Lease as the same holder");
            }
            for (String shared : List.of("SWITCHBOARD_TABLE", "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE",
                    "QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID",
                    "QUARKUS_DYNAMODB_AWS_REGION", "SWITCHBOARD_SECRETS_KEY")) {
                if (!java.util.Objects.equals(appEnv.get(shared), env.get(shared))) {
                    problems.add(where + shared + " is " + env.get(shared) + " but the Knative Service has "
                            + appEnv.get(shared) + ": the ticker would resume runs in another store");
                }
            }
            if (!"0".equals(app.getSpec().getTemplate().getMetadata().getAnnotations().get("autoscaling.knative.dev/min-scale"))) {
                problems.add(rendered.manifestOf(app).where() + ": the functions no longer scale to zero");
            }
            String account = pod.getServiceAccountName();
            Optional<ServiceAccount> sa = account == null ? Optional.empty() : find(rendered, ServiceAccount.class, account);
            if (sa.isEmpty() || Boolean.FALSE.equals(sa.get().getAutomountServiceAccountToken())) {
                problems.add(where + "service account " + account + " is missing or mounts no token: it cannot hold a Lease");
                continue;
            }
            var bound = rendered.all(io.fabric8.kubernetes.api.model.rbac.RoleBinding.class).stream()
                    .filter(b -> b.getSubjects().stream().anyMatch(subject -> account.equals(subject.getName())))
                    .map(b -> find(rendered, io.fabric8.kubernetes.api.model.rbac.Role.class, b.getRoleRef().getName()))
                    .flatMap(Optional::stream).flatMap(r -> r.getRules().stream())
                    .filter(rule -> rule.getApiGroups().contains("coordination.k8s.io") && rule.getResources().contains("leases"))
                    .toList();
            for (String verb : List.of("get", "update", "create")) {
                boolean allowed = bound.stream().anyMatch(rule -> rule.getVerbs().contains(verb)
                        && (verb.equals("create") || rule.getResourceNames().isEmpty() || rule.getResourceNames().contains(lease)));
                if (!allowed) {
                    problems.add(where + "no Role bound to " + account + " lets it " + verb + " Lease " + lease);
                }
            }
            boolean broader = bound.stream().anyMatch(rule -> !rule.getVerbs().contains("create")
                    && !rule.getResourceNames().equals(List.of(lease)));
            if (broader) {
                problems.add(where + "the Role reaches Leases other than " + lease);
            }
        }
        assertNoProblems(target, problems);
    }

    @Test
    void alternatorOverlayPointsTheApplicationAtTheInClusterAlternator() throws Exception {
        RenderedManifests rendered = rendered("overlays/alternator");
        var app = rendered.all(io.fabric8.knative.serving.v1.Service.class).get(0);
        String where = rendered.manifestOf(app).where() + ": spec.template.spec.containers[0] env ";
        Map<String, String> env = environment(rendered, app.getSpec().getTemplate().getSpec().getContainers().get(0));

        String endpoint = env.get("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE");
        assertTrue(endpoint != null, where + "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE is not set");
        URI uri = URI.create(endpoint);
        Service service = find(rendered, Service.class, uri.getHost()).orElseThrow(() -> new AssertionError(
                where + "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE " + endpoint + " names no Service " + uri.getHost()));
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == uri.getPort()),
                rendered.manifestOf(service).where() + ": spec.ports has no port " + uri.getPort());
        StatefulSet alternator = rendered.all(StatefulSet.class).stream()
                .filter(s -> s.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(service.getSpec().getSelector().entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError(rendered.manifestOf(service).where()
                        + ": spec.selector matches no StatefulSet"));
        List<String> args = alternator.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        String argsField = rendered.manifestOf(alternator).where() + ": spec.template.spec.containers[0].args ";
        assertTrue(args.contains("--alternator-port=" + uri.getPort()), argsField + "do not serve Alternator on " + uri.getPort());
        // the application's conditional writes need every write to go through LWT
        assertTrue(args.contains("--alternator-write-isolation=always_use_lwt"), argsField + "lack --alternator-write-isolation=always_use_lwt");

        assertEquals("true", env.get("SWITCHBOARD_CREATE_TABLE"), where + "SWITCHBOARD_CREATE_TABLE");
        assertEquals("static", env.get("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE"), where + "QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE");
        for (String key : List.of("ACCESS_KEY_ID", "SECRET_ACCESS_KEY")) {
            String name = "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_" + key;
            assertEquals("<secret>", env.get(name), where + name + " should come from a Secret");
        }
    }

    @Test
    void awsOverlayTakesCredentialsFromIrsaOnly() throws Exception {
        RenderedManifests rendered = rendered("overlays/aws");
        var app = rendered.all(io.fabric8.knative.serving.v1.Service.class).get(0);
        String where = rendered.manifestOf(app).where() + ": spec.template.spec.containers[0] env ";
        Map<String, String> env = environment(rendered, app.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertEquals("default", env.get("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE"), where + "QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE");
        for (String name : env.keySet()) {
            assertTrue(!name.contains("ACCESS_KEY") && !name.equals("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE"),
                    where + name + " must not be set on EKS: DynamoDB in AWS, credentials from IRSA");
        }
        String account = app.getSpec().getTemplate().getSpec().getServiceAccountName();
        ServiceAccount serviceAccount = find(rendered, ServiceAccount.class, account).orElseThrow();
        String role = serviceAccount.getMetadata().getAnnotations() == null ? null
                : serviceAccount.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn");
        assertTrue(role != null && role.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+"),
                rendered.manifestOf(serviceAccount).where() + ": metadata.annotations[eks.amazonaws.com/role-arn] is "
                        + role + ", not an IAM role ARN");
    }

    @Test
    void schemaCheckNamesFileKindAndFieldOfATypo() throws Exception {
        requireKubectl();
        Path broken = work.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("kustomization.yaml"),
                "resources: [service.yaml]\nbuildMetadata: [originAnnotations]\n");
        Files.writeString(broken.resolve("service.yaml"), """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: typo}
                spec:
                  template:
                    spec:
                      containers:
                        - image: switchboard:1
                          imagePullPolicyy: Always
                """);
        RenderedManifests rendered = RenderedManifests.render(work, "broken");
        assertEquals(List.of("k8s/broken/service.yaml (serving.knative.dev/v1 Service typo): "
                + "spec.template.spec.containers[0]: unknown field(s) [imagePullPolicyy]"), rendered.schemaProblems);
    }

    @Test
    void cronScheduleAcceptsKubernetesSyntaxOnly() {
        for (String valid : List.of("* * * * *", "*/5 0-23 1,15 JAN-DEC MON-FRI", "0 3 ? * 7")) {
            assertEquals(Optional.empty(), CronSchedule.problem(valid), valid);
        }
        for (String invalid : List.of("5", "* * * *", "60 * * * *", "* * 0 * *", "*/0 * * * *", "* * * FOO *")) {
            assertTrue(CronSchedule.problem(invalid).isPresent(), invalid);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A pod template in a rendered object: serving ones run until stopped, job ones to completion. */
    private record Workload(String where, String podPath, PodSpec pod, boolean serving) {
    }

    private static List<Workload> workloads(RenderedManifests rendered) {
        List<Workload> workloads = new ArrayList<>();
        for (var service : rendered.all(io.fabric8.knative.serving.v1.Service.class)) {
            RevisionSpec revision = service.getSpec().getTemplate().getSpec();
            PodSpec pod = new PodSpec();
            pod.setContainers(revision.getContainers());
            pod.setServiceAccountName(revision.getServiceAccountName());
            workloads.add(new Workload(rendered.manifestOf(service).where(), "spec.template.spec", pod, true));
        }
        for (StatefulSet set : rendered.all(StatefulSet.class)) {
            workloads.add(new Workload(rendered.manifestOf(set).where(), "spec.template.spec", set.getSpec().getTemplate().getSpec(), true));
        }
        for (Deployment deployment : rendered.all(Deployment.class)) {
            workloads.add(new Workload(rendered.manifestOf(deployment).where(), "spec.template.spec",
                    deployment.getSpec().getTemplate().getSpec(), true));
        }
        for (CronJob job : rendered.all(CronJob.class)) {
            workloads.add(new Workload(rendered.manifestOf(job).where(), "spec.jobTemplate.spec.template.spec",
                    job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), false));
        }
        return workloads;
    }

    /** The container's environment as the pod will see it; values from Secrets read {@code <secret>}. */
    private static Map<String, String> environment(RenderedManifests rendered, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                find(rendered, ConfigMap.class, from.getConfigMapRef().getName())
                        .map(ConfigMap::getData).ifPresent(env::putAll);
            }
            if (from.getSecretRef() != null) {
                find(rendered, Secret.class, from.getSecretRef().getName())
                        .ifPresent(secret -> secretKeys(secret).forEach(key -> env.put(key, "<secret>")));
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                env.put(var.getName(), "<secret>");
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                env.put(var.getName(), find(rendered, ConfigMap.class, ref.getName())
                        .map(map -> map.getData().get(ref.getKey())).orElse(null));
            } else {
                env.put(var.getName(), "<from the pod>");
            }
        }
        return env;
    }

    private static <T extends HasMetadata> Optional<T> find(RenderedManifests rendered, Class<T> type, String name) {
        return rendered.all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private static List<String> secretKeys(Secret secret) {
        List<String> keys = new ArrayList<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void assertNoProblems(String target, List<String> problems) {
        assertTrue(problems.isEmpty(), () -> "k8s/" + target + ":\n  " + String.join("\n  ", problems));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .anyMatch(f -> Files.isRegularFile(f) && Files.isExecutable(f));
    }
}
