package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DL3026: base images only from the registries the configuration trusts ({@code trustedRegistries}); with none
 * configured every registry is allowed. Docker Hub images count as {@code docker.io}.
 */
final class TrustedRegistries extends DockerfileRule {
    private final List<String> trusted;

    TrustedRegistries(List<String> trusted) {
        super("DL3026", Severity.ERROR, "Use only an allowed registry in the FROM image.");
        this.trusted = List.copyOf(trusted);
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        if (trusted.isEmpty()) {
            return violations;
        }
        for (Stage stage : dockerfile.stages()) {
            BaseImage.of(dockerfile, stage)
                    .flatMap(image -> registryOf(stage.resolvedBaseImage()))
                    .filter(registry -> !isTrusted(registry))
                    .ifPresent(registry -> violations.add(new Violation(stage.from(), registry)));
        }
        return violations;
    }

    private boolean isTrusted(String registry) {
        return trusted.contains(registry)
                || registry.equals(ImageReference.DOCKER_HUB) && trusted.contains("hub.docker.com");
    }

    private static Optional<String> registryOf(String reference) {
        try {
            return Optional.of(ImageReference.parse(reference).registry());
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }
}
