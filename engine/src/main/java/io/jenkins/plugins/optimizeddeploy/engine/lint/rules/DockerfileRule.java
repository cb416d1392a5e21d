package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import java.net.URI;
import java.util.Locale;

/**
 * What every rule has: an id, a default severity, a message and a documentation link, which is hadolint's wiki page
 * for a hadolint id and this project's rule list for our own ids.
 */
abstract class DockerfileRule implements Rule {
    static final String OWN_RULES_DOCUMENTATION =
            "https://github.com/jenkinsci/optimized-deploy-plugin/blob/main/docs/RULES.md#";
    private static final String HADOLINT_DOCUMENTATION = "https://github.com/hadolint/hadolint/wiki/";

    private final String id;
    private final Severity defaultSeverity;
    private final String message;

    DockerfileRule(String id, Severity defaultSeverity, String message) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.message = message;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public final String message() {
        return message;
    }

    @Override
    public final URI documentation() {
        return URI.create(id.startsWith("DL")
                ? HADOLINT_DOCUMENTATION + id
                : OWN_RULES_DOCUMENTATION + id.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id + " " + message;
    }
}
