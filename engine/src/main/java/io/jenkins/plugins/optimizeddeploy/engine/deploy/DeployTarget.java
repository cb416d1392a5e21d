package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.time.Instant;
import java.util.Optional;

/**
 * A platform that runs services from images: it deploys one service to an image by digest and waits for the
 * platform's own health signal, says what runs now, and puts a previous image back. A {@link Release} drives
 * several services of one target at once and never two releases on one target at a time.
 */
public interface DeployTarget {
    /** The kind and the endpoint, e.g. {@code swarm unix:///var/run/docker.sock}: what a lock and a history record name. */
    String identity();

    /** The image {@code service} runs now (by digest when the platform knows it), or empty when there is no such service. */
    Optional<ImageReference> running(String service);

    /**
     * Moves {@code service} to {@code image} and waits, until {@code deadline} at most, for the platform to call it
     * healthy. A failed health signal is a result; a platform that cannot be asked to deploy is a
     * {@link DeployException}.
     */
    Rollout deploy(String service, ImageReference image, Instant deadline);

    /**
     * {@link #deploy} for a rollback a user asked for (a release of recorded digests): the same move, unless the
     * platform is told that it is a rollback.
     */
    default Rollout rollBack(String service, ImageReference image, Instant deadline) {
        return deploy(service, image, deadline);
    }

    /** Removes {@code service} if it exists: the undo of a release that created it. */
    void remove(String service);

    /**
     * Makes {@code previous} what {@code service} runs again, healthy (a deploy that changes nothing when it already
     * does), or removes the service when there was none before (empty).
     *
     * @throws DeployException when the previous image cannot be put back by {@code deadline}
     */
    default void undo(String service, Optional<ImageReference> previous, Instant deadline) {
        if (previous.isEmpty()) {
            remove(service);
            return;
        }
        Rollout back = deploy(service, previous.get(), deadline);
        if (!back.healthy()) {
            throw new DeployException(service + " did not run " + previous.get() + " healthy again on " + identity()
                    + ": " + back.reason());
        }
    }
}
