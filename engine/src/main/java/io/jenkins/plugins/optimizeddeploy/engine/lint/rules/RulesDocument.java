package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import java.util.List;

/**
 * docs/RULES.md, generated from the {@link RuleRegistry} so that it cannot drift from the code (a test compares the
 * committed file with this text).
 */
public final class RulesDocument {

    private RulesDocument() {
    }

    /** The Markdown text of docs/RULES.md. */
    public static String markdown() {
        List<Rule> rules = RuleRegistry.all();
        StringBuilder text = new StringBuilder();
        text.append("# Dockerfile rules\n\n")
                .append("<!-- Generated from RuleRegistry by RulesDocumentTest; do not edit by hand. -->\n\n")
                .append("`optimized-deploy harden` checks ").append(rules.size()).append(" rules. Rules with a `DL`"
                        + " id mean exactly what hadolint's rule of that id means, so `# hadolint ignore=DL3008`"
                        + " pragmas and `.hadolint.yaml` files keep working; `OD` rules are this project's hardening"
                        + " rules. Severities are the defaults; `override` in `.hadolint.yaml` changes them."
                        + " One difference: base images are checked after the ARGs before the first FROM are"
                        + " expanded, so DL3006, DL3007 and DL3026 also check `FROM ${BASE}` when BASE has a default"
                        + " (hadolint skips images with variables). Findings quote the instruction's first line"
                        + " with secrets left out: the value of a key named like a secret (OD1003, OD1004) and text"
                        + " shaped like one (tokens, private keys, the password in a URL) read `<redacted>`."
                        + " A Dockerfile that does not parse is, as in hadolint, one finding " + Linter.PARSE_ERROR.id()
                        + " (" + Linter.PARSE_ERROR.defaultSeverity().label() + ") of that file at the line where"
                        + " parsing stopped, quoting no line of it; the other files are still checked."
                        + " DL3049 to DL3058 check labels against the `label-schema` of `.hadolint.yaml` (label name to"
                        + " `text`, `url`, `email`, `semver`, `hash`, `rfc3339` or `spdx`; DL3050 only with"
                        + " `strict-labels: true`) and report nothing without one; the message names the label."
                        + " An `spdx` label holds, as for hadolint 2.15.1, one current id of SPDX License List 3.23"
                        + " spelled exactly (`Apache-2.0`; not `GPL-2.0+`, `MIT OR Apache-2.0` or `LicenseRef-x`)."
                        + " Package managers are recognised as hadolint does: a subcommand or flag counts wherever it"
                        + " stands in the command (`apt-get -y -o X=1 install`, `dnf -y in`), and every"
                        + " `pip…` program but pipenv, as well as `python -m pip`, is pip.\n\n")
                .append("| id | default severity | message |\n|---|---|---|\n");
        for (Rule rule : rules) {
            text.append("| [").append(rule.id()).append("](").append(rule.documentation()).append(") | ")
                    .append(rule.defaultSeverity().label())
                    .append(rule.enabledByDefault() ? "" : " (off unless `override` gives it a severity)")
                    .append(" | ").append(rule.message().replace("|", "\\|")).append(" |\n");
        }
        text.append("\n## Our own rules\n");
        for (Rule rule : rules) {
            if (rule.documentation().toString().startsWith(DockerfileRule.OWN_RULES_DOCUMENTATION)) {
                text.append("\n### ").append(rule.id()).append("\n\n")
                        .append("Default severity: ").append(rule.defaultSeverity().label()).append(".\n\n")
                        .append(rule.message()).append('\n');
            }
        }
        return text.toString();
    }
}
