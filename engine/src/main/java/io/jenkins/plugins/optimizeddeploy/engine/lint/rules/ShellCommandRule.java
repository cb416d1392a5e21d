package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.ShellCommand;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule about single commands inside RUN: one violation per RUN, naming what each offending command did. */
abstract class ShellCommandRule extends DockerfileRule {

    ShellCommandRule(String id, Severity defaultSeverity, String message) {
        super(id, defaultSeverity, message);
    }

    /** The detail of what is wrong with the command ("" when the message says it all), empty when it is fine. */
    abstract Optional<String> check(ShellCommand command, Instruction run, Dockerfile dockerfile);

    @Override
    public final List<Violation> check(AnalyzedDockerfile analyzed) {
        Dockerfile dockerfile = analyzed.dockerfile();
        List<Violation> violations = new ArrayList<>();
        for (Instruction run : analyzed.runs()) {
            List<String> details = new ArrayList<>();
            boolean violated = false;
            for (ShellCommand command : analyzed.script(run).commands()) {
                Optional<String> detail = check(command, run, dockerfile);
                violated |= detail.isPresent();
                detail.filter(text -> !text.isEmpty() && !details.contains(text)).ifPresent(details::add);
            }
            if (violated) {
                violations.add(new Violation(run, String.join("; ", details)));
            }
        }
        return violations;
    }
}
