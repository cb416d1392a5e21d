package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** DL3015: recommended packages make the image larger for nothing the image asked for. */
final class AptGetNoInstallRecommends extends ShellCommandRule {
    private static final Pattern RECOMMENDS_OFF = Pattern.compile("(?i)APT::Install-Recommends=(false|0)");

    AptGetNoInstallRecommends() {
        super("DL3015", Severity.INFO, "Avoid additional packages by specifying `--no-install-recommends`.");
    }

    @Override
    public Set<String> programs() {
        return PinAptGetVersions.APT_GET;
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        if (!command.isAnyOf(PinAptGetVersions.APT_GET, "install")) {
            return Optional.empty();
        }
        boolean withoutRecommends = command.hasAnyFlag("no-install-recommends")
                || command.arguments().stream().anyMatch(word -> RECOMMENDS_OFF.matcher(word).matches());
        return withoutRecommends ? Optional.empty() : Optional.of("");
    }
}
