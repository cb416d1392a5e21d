package io.jenkins.plugins.optimizeddeploy.engine.verify;

import io.jenkins.plugins.optimizeddeploy.engine.findings.RuleDescription;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.net.URI;
import java.util.Locale;

/** The checks of a built image, with ids of their own (OD2…) beside the Dockerfile rules' OD1…. */
public enum ImageCheck implements RuleDescription {
    RUNS_AS_ROOT("OD2001", Severity.ERROR,
            "The image runs as root (no user, root or 0); set USER to an unprivileged numeric user."),
    NO_HEALTHCHECK("OD2002", Severity.WARNING,
            "The image has no health check; add HEALTHCHECK so the runtime can tell when it stops serving."),
    SECRET_ENV_NAME("OD2003", Severity.ERROR,
            "An environment variable named like a secret has a value in the image; pass secrets at run time."),
    SECRET_ENV_VALUE("OD2004", Severity.ERROR,
            "An environment variable's value looks like a private key, a token or a URL with a password; pass"
                    + " secrets at run time."),
    SECRET_LABEL("OD2005", Severity.ERROR,
            "A label is named like a secret or its value looks like one; labels are readable by anyone who can pull."),
    REMOTE_ADD("OD2006", Severity.WARNING,
            "A layer was added from a remote URL; download it in a build stage and verify its checksum."),
    REMOTE_DOWNLOAD("OD2007", Severity.WARNING,
            "A layer was built from content curl or wget downloaded; verify what is downloaded or copy it in."),
    SSH_PORT("OD2008", Severity.WARNING,
            "Port 22 (SSH) is exposed; do not run an SSH server in a container, use docker exec or kubectl exec.");

    private static final String DOCUMENTATION =
            "https://github.com/jenkinsci/optimized-deploy-plugin/blob/main/docs/IMAGE_CHECKS.md#";

    private final String id;
    private final Severity defaultSeverity;
    private final String message;

    ImageCheck(String id, Severity defaultSeverity, String message) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.message = message;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public URI documentation() {
        return URI.create(DOCUMENTATION + id.toLowerCase(Locale.ROOT));
    }
}
