package io.jenkins.plugins.optimizeddeploy.cli.harden;

import io.jenkins.plugins.optimizeddeploy.cli.common.ParsedValueConverter;
import io.jenkins.plugins.optimizeddeploy.engine.findings.LintOutputFormat;
import picocli.CommandLine.Option;

/** {@code --format} of the commands that report findings: {@code harden} and {@code verify}. */
final class LintFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tty", converter = FormatConverter.class,
            description = "tty (default), json, sarif (SARIF 2.1.0) or checkstyle.")
    LintOutputFormat format;

    static final class FormatConverter extends ParsedValueConverter<LintOutputFormat> {
        FormatConverter() {
            super(LintOutputFormat::parse);
        }
    }
}
