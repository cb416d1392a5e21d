package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One service of a release: its name on the target, the image by digest it should run, its HTTP health check if any. */
public record ServiceDeploy(String service, ImageReference image, Optional<HttpHealthCheck> healthCheck) {
    /** Service and container names as docker and swarm take them. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");

    public ServiceDeploy {
        Objects.requireNonNull(service, "service name");
        if (!NAME.matcher(service).matches()) {
            throw new BadInputException("service name '" + service
                    + "' must be letters, digits, '_', '.' or '-', starting with a letter or digit, at most 63 characters");
        }
        if (image.digest().isEmpty()) {
            throw new IllegalArgumentException("service " + service + ": " + image
                    + " has no digest; resolve its tag first (DigestResolver), so what goes live is exactly what was built");
        }
        Objects.requireNonNull(healthCheck, "health check of " + service);
    }
}
