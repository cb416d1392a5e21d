package io.jenkins.plugins.optimizeddeploy.engine.verify;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintReport;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Secrets;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageConfig;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.ImageInspector;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks built images as their registry holds them: each platform's config (user, health check, environment, labels,
 * ports) and history. No layer is downloaded. A finding names the image and platform where a Dockerfile finding
 * names the file; its line is the history entry (1-based) for history checks and 1 for the config's.
 */
public final class ImageVerifier {
    private static final Set<String> ROOT_USERS = Set.of("", "root", "0");
    private static final Pattern REMOTE_ADD = Pattern.compile("\\bADD\\b.*\\s(https?|ftp)://", Pattern.DOTALL);
    private static final Pattern REMOTE_DOWNLOAD =
            Pattern.compile("\\b(curl|wget)\\b.*\\b(https?|ftp)://", Pattern.DOTALL);
    private static final Pattern SSH_PORT = Pattern.compile("22(/tcp)?");

    private final ImageInspector inspector;

    public ImageVerifier(ImageInspector inspector) {
        this.inspector = Objects.requireNonNull(inspector, "image inspector");
    }

    /**
     * Every check on every platform of each image, in the order given.
     *
     * @throws RegistryException when the registry fails, or sends a manifest or config that cannot be read
     */
    public LintReport verify(List<ImageReference> images, FailureThreshold failureThreshold) {
        List<Finding> findings = new ArrayList<>();
        for (ImageReference image : images) {
            for (ImageConfig config : inspector.readConfigs(image)) {
                findings.addAll(check(image.toString(), config));
            }
        }
        return new LintReport(List.of(ImageCheck.values()), findings, failureThreshold);
    }

    /** The findings of one platform's config, config checks first, then history checks in history order. */
    static List<Finding> check(String image, ImageConfig config) {
        String location = image + " " + config.platform();
        List<Finding> findings = new ArrayList<>();
        if (ROOT_USERS.contains(config.user().strip())) {
            findings.add(finding(ImageCheck.RUNS_AS_ROOT, location, 1,
                    "USER " + (config.user().isBlank() ? "(unset)" : config.user())));
        }
        if (config.healthcheck().isEmpty() || "NONE".equals(config.healthcheck().get(0))) {
            findings.add(finding(ImageCheck.NO_HEALTHCHECK, location, 1, "HEALTHCHECK (none)"));
        }
        for (String entry : config.env()) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            String value = equals < 0 ? "" : entry.substring(equals + 1);
            String excerpt = "ENV " + name + "=" + Secrets.REDACTED;
            if (Secrets.looksSecret(value)) {
                findings.add(finding(ImageCheck.SECRET_ENV_VALUE, location, 1, excerpt));
            } else if (!value.isEmpty() && Secrets.isSecretName(name)) {
                findings.add(finding(ImageCheck.SECRET_ENV_NAME, location, 1, excerpt));
            }
        }
        for (Map.Entry<String, String> label : config.labels().entrySet()) {
            if (Secrets.looksSecret(label.getValue())
                    || !label.getValue().isEmpty() && Secrets.isSecretName(label.getKey().replace('.', '_'))) {
                findings.add(finding(ImageCheck.SECRET_LABEL, location, 1,
                        "LABEL " + label.getKey() + "=" + Secrets.REDACTED));
            }
        }
        config.exposedPorts().stream().filter(port -> SSH_PORT.matcher(port).matches()).findFirst()
                .ifPresent(port -> findings.add(finding(ImageCheck.SSH_PORT, location, 1, "EXPOSE " + port)));
        for (int index = 0; index < config.history().size(); index++) {
            String createdBy = config.history().get(index);
            if (REMOTE_ADD.matcher(createdBy).find()) {
                findings.add(finding(ImageCheck.REMOTE_ADD, location, index + 1, createdBy));
            } else if (REMOTE_DOWNLOAD.matcher(createdBy).find()) {
                findings.add(finding(ImageCheck.REMOTE_DOWNLOAD, location, index + 1, createdBy));
            }
        }
        return findings;
    }

    private static Finding finding(ImageCheck check, String location, int line, String excerpt) {
        return new Finding(check.id(), check.defaultSeverity(), check.message(), location, line, 1,
                Secrets.redact(excerpt.strip()));
    }
}
