package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import java.util.Optional;

/**
 * OD1012: downloads with certificate checks turned off ({@code curl -k}, {@code wget --no-check-certificate},
 * {@code apk --allow-untrusted}, {@code pip --trusted-host}) accept whatever a man in the middle serves.
 */
final class TlsVerificationDisabled extends ShellCommandRule {

    TlsVerificationDisabled() {
        super("OD1012", Severity.ERROR, "TLS certificate or signature checks are turned off for a download;"
                + " keep them on and install the CA certificate the server needs.");
    }

    @Override
    Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile) {
        boolean insecure = switch (command.name()) {
            case "curl" -> command.hasOption("-k", "--insecure");
            case "wget" -> command.hasOption("--no-check-certificate");
            case "apk" -> command.hasOption("--allow-untrusted");
            case "pip", "pip3" -> command.hasOption("--trusted-host");
            default -> false;
        };
        return insecure ? Optional.of(command.name()) : Optional.empty();
    }
}
