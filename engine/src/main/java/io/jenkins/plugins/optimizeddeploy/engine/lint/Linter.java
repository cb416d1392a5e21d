package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs rules over a Dockerfile and applies, the same way for every rule, what the configuration and the file say:
 * ignored rules, {@code # hadolint ignore=} pragmas, severity overrides and rules that are off by default.
 */
public final class Linter {
    private static final Comparator<Finding> SOURCE_ORDER = Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column).thenComparing(Finding::rule);

    private final List<Rule> rules;
    private final LintConfiguration configuration;

    public Linter(List<Rule> rules, LintConfiguration configuration) {
        this.rules = List.copyOf(rules);
        this.configuration = configuration;
    }

    /** The rules that run under this configuration. */
    public List<Rule> activeRules() {
        return rules.stream()
                .filter(rule -> !configuration.ignored().contains(rule.id()))
                .filter(rule -> rule.enabledByDefault() || configuration.overrides().containsKey(rule.id()))
                .toList();
    }

    /** The findings in one Dockerfile, in source order; {@code file} of each is the Dockerfile's source. */
    public List<Finding> lint(Dockerfile dockerfile) {
        IgnorePragmas pragmas = new IgnorePragmas(dockerfile);
        String[] lines = dockerfile.text().replaceFirst("^\uFEFF", "").split("\r?\n|\r", -1);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : activeRules()) {
            Severity severity = configuration.overrides().getOrDefault(rule.id(), rule.defaultSeverity());
            for (Violation violation : rule.check(dockerfile)) {
                Instruction instruction = violation.instruction();
                if (configuration.ignorePragmas() && pragmas.ignores(rule.id(), instruction)) {
                    continue;
                }
                String message = violation.detail().isEmpty()
                        ? rule.message()
                        : rule.message() + " (" + violation.detail() + ")";
                findings.add(new Finding(rule.id(), severity, message, dockerfile.source(), instruction.startLine(),
                        instruction.span().startColumn(), lines[instruction.startLine() - 1]));
            }
        }
        findings.sort(SOURCE_ORDER);
        return List.copyOf(findings);
    }

    /** The findings in several Dockerfiles, with the verdict of the failure threshold. */
    public LintReport lint(List<Dockerfile> dockerfiles) {
        List<Finding> findings = new ArrayList<>();
        dockerfiles.forEach(dockerfile -> findings.addAll(lint(dockerfile)));
        return new LintReport(activeRules(), findings, configuration.failureThreshold());
    }
}
