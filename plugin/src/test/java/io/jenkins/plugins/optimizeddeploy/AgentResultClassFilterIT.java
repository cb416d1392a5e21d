package io.jenkins.plugins.optimizeddeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.steps.AgentCredentials;
import io.jenkins.plugins.optimizeddeploy.steps.AgentFailure;
import io.jenkins.plugins.optimizeddeploy.steps.BuildLog;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.LocalLauncherProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.ProcessRequest;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeCache;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.ReleaseOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.ReleasePlan;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.RollbackDeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.inspect.InspectImageOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesOnAgent;
import io.jenkins.plugins.optimizeddeploy.steps.verify.VerifyImageOnAgent;
import io.jenkins.plugins.optimizeddeploy.testsupport.DeployableImages;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every agent callable brings back to the controller (and what the agent asks the controller's Launcher for),
 * run against the real registry and dockerd as the steps run them, read class by class as core's
 * {@code jenkins.security.ClassFilterImpl} (2.541.3) reads it there: arrays, throwables and enums pass; a class from
 * a jar passes when that jar's manifest is a plugin manifest; a JDK class (it has no code source) passes only when
 * core's whitelist names it. The jars are those of the built .hpi, and only the plugin's own jar counts: the engine
 * jar's whitelisting is a second line of defence, not an excuse.
 */
class AgentResultClassFilterIT {

    private static final String PLUGIN_JAR = "WEB-INF/lib/optimized-deploy.jar";
    /**
     * The JDK classes the callables' values and failures are made of, each named in core's
     * {@code core/src/main/resources/jenkins/security/whitelisted-classes.txt} of 2.541.3 (checked by hand: that file
     * is not copied here). A value that needs another JDK class fails this test, to be checked against that file.
     */
    private static final Set<String> CORE_WHITELISTED_JDK_CLASSES = Set.of("java.lang.Boolean", "java.lang.Double",
            "java.lang.Integer", "java.lang.Long", "java.lang.Number", "java.lang.StackTraceElement",
            "java.lang.String", "java.util.ArrayList", "java.util.CollSer", "java.util.Collections$EmptyList",
            "java.util.HashMap",
            "java.util.LinkedHashMap");

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain().perTestClass();
    @RegisterExtension
    static final DockerdExtension dockerd = new DockerdExtension();

    private static final Map<String, String> jarOfClass = new HashMap<>();
    private static final Map<String, Manifest> manifests = new HashMap<>();

    @TempDir
    Path workspace;
    @TempDir
    Path emptyDockerConfig;

    private final BuildLog log = new BuildLog();

    @BeforeAll
    static void readTheJarsOfThePackagedPlugin() throws IOException {
        String hpi = System.getProperty("hpi.file");
        assertThat(hpi).as("system property hpi.file (run mvn verify)").isNotNull();
        try (JarFile archive = new JarFile(hpi)) {
            for (JarEntry entry : archive.stream().filter(entry -> entry.getName().startsWith("WEB-INF/lib/")
                    && entry.getName().endsWith(".jar")).toList()) {
                try (JarInputStream jar = new JarInputStream(archive.getInputStream(entry))) {
                    manifests.put(entry.getName(), jar.getManifest());
                    for (JarEntry file = jar.getNextJarEntry(); file != null; file = jar.getNextJarEntry()) {
                        if (file.getName().endsWith(".class")) {
                            String name = file.getName().substring(0, file.getName().length() - ".class".length());
                            jarOfClass.put(name.replace('/', '.'), entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(isPluginManifest(manifests.get(PLUGIN_JAR))).as("the plugin jar's manifest").isTrue();
    }

    @Test
    void shouldBringBackFromInspectImageOnlyWhatTheControllerAccepts() throws IOException {
        String image = registry.pushBusyboxBase("plugin/filter-inspect", "1");

        assertAcceptedByTheController(new InspectImageOnAgent(ImageReference.parse(image), RegistryOptions.defaults(),
                null, emptyDockerConfig.toString()).invoke(workspace.toFile(), null));
    }

    @Test
    void shouldBringBackFromVerifyImageOnlyWhatTheControllerAccepts() throws IOException {
        String image = registry.pushBusyboxBase("plugin/filter-verify", "1");

        assertAcceptedByTheController(new VerifyImageOnAgent(ImageReference.parse(image), RegistryOptions.defaults(),
                FailureThreshold.ERROR, null, emptyDockerConfig.toString()).invoke(workspace.toFile(), null));
    }

    @Test
    void shouldBringBackFromRetagImagesOnlyWhatTheControllerAcceptsWhetherTheTagsMovedOrNot() throws IOException {
        String image = registry.pushBusyboxIndex("plugin/filter-retag", "abc123");
        AgentCredentials anonymous = new AgentCredentials(null, emptyDockerConfig.toString());

        StepOutcome<List<Map<String, Object>>> moved = new RetagImagesOnAgent(RetagRequest.of(List.of(image),
                List.of("1.0"), null), RegistryOptions.defaults(), anonymous, log).invoke(workspace.toFile(), null);
        StepOutcome<List<Map<String, Object>>> refused = new RetagImagesOnAgent(RetagRequest.of(List.of(image,
                registry.hostPort() + "/plugin/filter-missing:abc123"), List.of("1.0"), null),
                RegistryOptions.defaults(), anonymous, log).invoke(workspace.toFile(), null);

        assertThat(moved.failure()).isNull();
        assertThat(refused.failure()).contains("nothing moved");
        assertAcceptedByTheController(moved);
        assertAcceptedByTheController(refused);
    }

    @Test
    void shouldBringBackFromHardenDockerfileOnlyWhatTheControllerAccepts() throws IOException {
        assertAcceptedByTheController(new HardenDockerfileOnAgent(List.of("Dockerfile"), false, FailureThreshold.NONE,
                null, null, Map.of()).invoke(SampleApp.directory().toFile(), null));
    }

    @Test
    void shouldBringBackFromBakeImagesOnlyWhatTheControllerAccepts(@TempDir Path localCache) throws IOException {
        Map<String, String> environment = new HashMap<>(dockerd.environment());
        environment.putAll(Map.of("BASE_IMAGE", registry.pushBusyboxBase("base/busybox", "filter"),
                "BRANCH_NAME", "main", "GIT_COMMIT", "0123456789abcdef", "BUILD_NUMBER", "1"));
        BakeImagesStep step = new BakeImagesStep(registry.hostPort() + "/filter");
        step.setTargets(List.of("web"));
        BakeCache cache = new BakeCache();
        cache.setDirectory(localCache.toString());
        step.setCache(cache);

        StepOutcome<Map<String, Object>> baked = new BakeImagesOnAgent("docker-bake.hcl",
                step.request(environment, Instant.parse("2026-12-07T09:00:00Z"), StepDefaults.NONE), BuilderBackend.DOCKER,
                new BuilderAccess(null, environment, false, workspace.toString()),
                new LocalLauncherProcesses(List.of(), environment), log).invoke(SampleApp.directory().toFile(), null);

        assertThat(baked.records()).singleElement();
        assertAcceptedByTheController(baked);
    }

    @Test
    void shouldBringBackFromADeployAndARollbackOnlyWhatTheControllerAcceptsWhetherHealthyOrNot(@TempDir Path context)
            throws IOException, InterruptedException {
        DeployableImages images = new DeployableImages(dockerd, registry, context);
        String healthy = images.healthy("filter-app", "1");
        dockerd.docker("run", "--detach", "--name", "filter-web", "--network", "none", healthy).requireSuccess();

        StepOutcome<Map<String, Object>> deployed = release(new DeployImagesStep("docker",
                Map.of("filter-web", images.healthy("filter-app", "2"))));
        StepOutcome<Map<String, Object>> failed = release(new DeployImagesStep("docker",
                Map.of("filter-web", images.unhealthy("filter-app"))));
        StepOutcome<Map<String, Object>> rolledBack = release(new RollbackDeployStep("docker", List.of("filter-web")));

        assertThat(deployed.failure()).as(String.join("\n", deployed.log())).isNull();
        assertThat(failed.failure()).contains("filter-web unhealthy");
        assertThat(rolledBack.failure()).as(String.join("\n", rolledBack.log())).isNull();
        assertAcceptedByTheController(deployed);
        assertAcceptedByTheController(failed);
        assertAcceptedByTheController(rolledBack);
    }

    @Test
    void shouldAskTheControllersLauncherForAProcessInTypesTheControllerAccepts(@TempDir Path folder) {
        ProcessRequest request = ProcessRequest.of(Command.of("docker", "build", ".").withWorkingDirectory(folder)
                .withEnvironment("DOCKER_BUILDKIT", "1").withStdin("input").withTimeout(Duration.ofMinutes(5)));

        assertThat(request.workingDirectory()).isEqualTo(folder.toString());
        assertAcceptedByTheController(request);
    }

    @Test
    void shouldBringBackAnUnforeseenEngineFailureAsThePluginsOwnException() {
        RuntimeException engineFailure = catchRuntimeException(() -> ImageReference.parse("Not A Reference"));

        AgentFailure failure = new AgentFailure("bakeImages on the agent",
                new IllegalStateException("a bug", engineFailure));

        assertThat(failure).hasMessage("bakeImages on the agent: java.lang.IllegalStateException: a bug")
                .hasCauseInstanceOf(AgentFailure.class);
        assertThat(failure.getCause()).hasMessageStartingWith("caused by: " + engineFailure.getClass().getName());
        assertThat(failure.getStackTrace()).isNotEmpty();
        assertAcceptedByTheController(failure);
    }

    @Test
    void shouldMarkTheEngineJarWhitelistedAsASecondLineOfDefence() {
        String engineJar = jarOfClass.get(ImageReference.class.getName());

        assertThat(engineJar).startsWith("WEB-INF/lib/optimized-deploy-engine-");
        assertThat(manifests.get(engineJar).getMainAttributes().getValue("Jenkins-ClassFilter-Whitelisted"))
                .isEqualTo("true");
    }

    private StepOutcome<Map<String, Object>> release(DeployStep step) throws IOException, InterruptedException {
        step.setHistory("deploys.jsonl");
        Map<String, String> environment = Map.of("DOCKER_HOST", dockerd.dockerHost(), "DOCKER_CONFIG",
                emptyDockerConfig.toString(), "PATH", System.getenv("PATH"));
        BuilderAccess anonymous = new BuilderAccess(null, environment, false, workspace.toString());
        return new ReleaseOnAgent(ReleasePlan.of(step, step.destinations(), environment), anonymous, anonymous,
                new LocalLauncherProcesses(List.of(), environment), log, null).invoke(workspace.toFile(), null);
    }

    private static void assertAcceptedByTheController(Object value) {
        List<String> refused = new ArrayList<>();
        for (Class<?> type : classesReadBack(value)) {
            String refusal = refusal(type);
            if (refusal != null) {
                refused.add(refusal);
            }
        }
        assertThat(refused).as("classes core's class filter refuses in %s", value).isEmpty();
    }

    /** Why ClassFilterImpl refuses {@code type} on the controller, or null when it lets it through. */
    private static String refusal(Class<?> type) {
        if (type.isArray() || Throwable.class.isAssignableFrom(type) || Enum.class.isAssignableFrom(type)) {
            return null;
        }
        String jar = jarOfClass.get(type.getName());
        if (jar != null) {
            if (!jar.equals(PLUGIN_JAR)) {
                return type.getName() + " comes from " + jar + ", not from the plugin's jar";
            }
            return isPluginManifest(manifests.get(jar)) ? null : type.getName() + ": " + jar + " is not a plugin jar";
        }
        boolean jdk = type.getClassLoader() == null || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
        if (jdk) {
            return CORE_WHITELISTED_JDK_CLASSES.contains(type.getName()) ? null
                    : type.getName() + " is a JDK class core does not whitelist";
        }
        return type.getName() + " is neither in the .hpi nor in the JDK";
    }

    /** ClassFilterImpl.isPluginManifest of 2.541.3. */
    private static boolean isPluginManifest(Manifest manifest) {
        Attributes attributes = manifest.getMainAttributes();
        return attributes.getValue("Short-Name") != null && (attributes.getValue("Plugin-Version") != null
                || attributes.getValue("Jenkins-Version") != null)
                || "true".equals(attributes.getValue("Jenkins-ClassFilter-Whitelisted"));
    }

    /** Every class the controller resolves reading {@code value} back, superclasses' descriptors included. */
    private static Set<Class<?>> classesReadBack(Object value) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            InputStream in = new ByteArrayInputStream(bytes.toByteArray());
            try (ObjectInputStream reader = new ObjectInputStream(in) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass description)
                        throws IOException, ClassNotFoundException {
                    Class<?> type = super.resolveClass(description);
                    classes.add(type);
                    return type;
                }
            }) {
                reader.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("cannot send " + value + " back to the controller", e);
        }
        return classes;
    }
}
