package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * buildah with private storage roots, chroot isolation and a private auth file, registered on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final BuildahExtension buildah = new BuildahExtension();
 * }</pre>
 * Builds need {@code bud --isolation chroot --network host --format docker}; pushes to the plain registries need
 * {@code --tls-verify=false}, to the TLS one {@code --cert-dir} {@link RegistryExtension#caCertificateDirectory()}.
 * By default the storage is shared by the test JVM; {@link #perTestClass()} gives a class empty storage. Its
 * driver is the one the engine picks: buildah's default (overlay as root here) where buildah can open the storage
 * with it, else vfs ({@code --storage-driver vfs} is then among the global arguments).
 */
public final class BuildahExtension implements BeforeAllCallback {
    private final Lifetime lifetime;
    private volatile BuildahStorage storage;

    /** Storage shared by every test class of this JVM that uses the default lifetime. */
    public BuildahExtension() {
        this(Lifetime.TEST_RUN);
    }

    private BuildahExtension(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** Storage of this test class's own, deleted after its last test. */
    public BuildahExtension perTestClass() {
        return new BuildahExtension(Lifetime.TEST_CLASS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Object key = lifetime == Lifetime.TEST_RUN ? "buildah" : this;
        storage = lifetime.obtain(context, key, BuildahStorage.class, BuildahStorage::create);
    }

    /** Runs {@code buildah --root R --runroot RR ARGUMENTS} (5 minute timeout). */
    public CommandResult buildah(String... arguments) {
        return storage().buildah(null, ExternalCommand.DEFAULT_TIMEOUT, List.of(arguments));
    }

    /** Like {@link #buildah(String...)}, feeding {@code stdin} (e.g. {@code login --password-stdin}). */
    public CommandResult buildahWithStdin(String stdin, String... arguments) {
        return storage().buildah(stdin, ExternalCommand.DEFAULT_TIMEOUT, List.of(arguments));
    }

    /** Like {@link #buildah(String...)} with another timeout. */
    public CommandResult buildah(Duration timeout, String... arguments) {
        return storage().buildah(null, timeout, List.of(arguments));
    }

    /** {@code --root R --runroot RR} (and {@code --storage-driver vfs} where overlay fails), for code under test. */
    public List<String> globalArguments() {
        return storage().globalArguments();
    }

    /** The driver buildah uses for this storage, e.g. {@code overlay}, as {@code buildah info} reports it. */
    public String storageDriver() {
        return storage().storageDriver();
    }

    /** {@code BUILDAH_ISOLATION=chroot}, the private {@code REGISTRY_AUTH_FILE} and {@code TMPDIR}. */
    public Map<String, String> environment() {
        return storage().environment();
    }

    private BuildahStorage storage() {
        BuildahStorage current = storage;
        if (current == null) {
            throw new IllegalStateException("buildah storage is not set up: register the BuildahExtension with"
                    + " @RegisterExtension on a static field and use it from a test");
        }
        return current;
    }
}
