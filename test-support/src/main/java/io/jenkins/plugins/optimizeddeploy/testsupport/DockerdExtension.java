package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private dockerd for the tests, registered on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final DockerdExtension dockerd = new DockerdExtension();
 * }</pre>
 * It runs with {@code --bridge=none}: build and run with {@code --network host}. Registries on 127.0.0.1 are
 * insecure registries to dockerd, so it pushes to every {@link RegistryExtension} flavour without CA setup.
 * It keeps its images in the containerd image store, so buildx's default {@code docker} driver exports registry
 * caches; {@link #withClassicImageStore()} gives the store a dockerd before 24 has.
 * By default one daemon serves the whole test JVM; {@link #perTestClass()} gives a class a fresh daemon (an empty
 * image store, e.g. to measure remote cache hits).
 */
public final class DockerdExtension implements BeforeAllCallback {
    private final Lifetime lifetime;
    private final DockerImageStore imageStore;
    private volatile RunningDockerd running;

    /** A daemon with the containerd image store, shared by every test class of this JVM that uses the defaults. */
    public DockerdExtension() {
        this(Lifetime.TEST_RUN, DockerImageStore.CONTAINERD);
    }

    private DockerdExtension(Lifetime lifetime, DockerImageStore imageStore) {
        this.lifetime = lifetime;
        this.imageStore = imageStore;
    }

    /** A daemon of this test class's own, stopped after its last test. */
    public DockerdExtension perTestClass() {
        return new DockerdExtension(Lifetime.TEST_CLASS, imageStore);
    }

    /** A daemon of this test class's own with dockerd's classic image store (graph drivers), as docker 20.10 had. */
    public DockerdExtension withClassicImageStore() {
        return new DockerdExtension(Lifetime.TEST_CLASS, DockerImageStore.CLASSIC);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Object key = lifetime == Lifetime.TEST_RUN ? "dockerd" : this;
        running = lifetime.obtain(context, key, RunningDockerd.class, () -> RunningDockerd.start(imageStore));
    }

    /** {@code unix:///tmp/optimized-deploy-dockerd-.../docker.sock}. */
    public String dockerHost() {
        return running().clientEnvironment().get("DOCKER_HOST");
    }

    /** The private {@code DOCKER_CONFIG} directory: {@code docker login} credentials stay with the test. */
    public Path dockerConfigDir() {
        return Path.of(running().clientEnvironment().get("DOCKER_CONFIG"));
    }

    /** {@code DOCKER_HOST}, {@code DOCKER_CONFIG} and {@code DOCKER_BUILDKIT=1}, for running docker yourself. */
    public Map<String, String> environment() {
        return running().clientEnvironment();
    }

    /** The containerd store, unless {@link #withClassicImageStore()} asked for the classic one. */
    public DockerImageStore imageStore() {
        return running().imageStore();
    }

    /**
     * {@code overlayfs} (containerd store) or {@code overlay2} (classic store), or the copying {@code native} or
     * {@code vfs} where overlay mounts do not work.
     */
    public String storageDriver() {
        return running().storageDriver();
    }

    /** The daemon's log, for diagnosing a failed test. */
    public Path logFile() {
        return running().logFile();
    }

    /** Runs {@code /usr/bin/docker} against this daemon (5 minute timeout) and returns whatever it did. */
    public CommandResult docker(String... arguments) {
        return running().docker(null, ExternalCommand.DEFAULT_TIMEOUT, List.of(arguments));
    }

    /** Like {@link #docker(String...)}, feeding {@code stdin} (e.g. {@code login --password-stdin}). */
    public CommandResult dockerWithStdin(String stdin, String... arguments) {
        return running().docker(stdin, ExternalCommand.DEFAULT_TIMEOUT, List.of(arguments));
    }

    /** Like {@link #docker(String...)} with another timeout. */
    public CommandResult docker(Duration timeout, String... arguments) {
        return running().docker(null, timeout, List.of(arguments));
    }

    private RunningDockerd running() {
        RunningDockerd dockerd = running;
        if (dockerd == null) {
            throw new IllegalStateException("dockerd is not started: register the DockerdExtension with"
                    + " @RegisterExtension on a static field and use it from a test");
        }
        return dockerd;
    }
}
