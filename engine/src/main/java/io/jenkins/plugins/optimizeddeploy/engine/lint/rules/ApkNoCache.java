package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;

/** DL3019: apk add without --no-cache leaves the package index in the layer (a cache mount is fine). */
final class ApkNoCache extends ShellCommandRule {

    ApkNoCache() {
        super("DL3019", Severity.INFO, "Use the `--no-cache` switch to avoid the need to use `--update` and remove"
                + " `/var/cache/apk/*` when done installing packages.");
    }

    @Override
    public Set<String> programs() {
        return PinApkVersions.APK;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(PinApkVersions.APK, "add") || command.hasAnyFlag("no-cache")) {
            return Optional.empty();
        }
        return StageScope.hasCacheMountWith(run, "/var/cache/apk") ? Optional.empty() : Optional.of("");
    }
}
