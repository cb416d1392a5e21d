package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import io.jenkins.plugins.optimizeddeploy.engine.lint.AnalyzedDockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Violation;
import java.util.List;
import java.util.regex.Pattern;

/** DL3000: a relative WORKDIR depends on whatever the previous one was. */
final class AbsoluteWorkdir extends DockerfileRule {
    private static final Pattern WINDOWS_ABSOLUTE_PATH = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    AbsoluteWorkdir() {
        super("DL3000", Severity.ERROR, "Use absolute WORKDIR.");
    }

    @Override
    public List<Violation> check(AnalyzedDockerfile analyzed) {
        return analyzed.instructions("workdir").stream()
                .filter(workdir -> !workdir.args().isEmpty() && !isAbsolute(StageScope.unquoted(workdir.args().get(0))))
                .map(Violation::at)
                .toList();
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("$") || WINDOWS_ABSOLUTE_PATH.matcher(path).matches();
    }
}
