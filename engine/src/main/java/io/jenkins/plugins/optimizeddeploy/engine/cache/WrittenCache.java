package io.jenkins.plugins.optimizeddeploy.engine.cache;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import java.util.Optional;

/**
 * The registry cache a build reads: the first source of the plan whose final image has been written. Reading one
 * source, not all, keeps buildah (one {@code --cache-from}) and docker alike, and keeps dockerd 20.10 from
 * importing the same inline cache twice from two refs, which made its BuildKit drop the connection
 * ({@code unexpected EOF}) here. A source that is missing or cannot be read is passed over: it never fails a build.
 */
public final class WrittenCache {
    private WrittenCache() {
    }

    public static Optional<CacheSource> firstIn(CachePlan plan, RegistryClient registry) {
        return plan.registrySources().stream().filter(source -> hasBeenWritten(source, registry)).findFirst();
    }

    private static boolean hasBeenWritten(CacheSource source, RegistryClient registry) {
        try {
            registry.headManifest(ImageReference.parse(source.reference(CachePlan.FINAL_TAG)));
            return true;
        } catch (RegistryException missingOrUnreadable) {
            return false;
        }
    }
}
