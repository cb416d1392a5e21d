package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the sample multi-service app of this repository is, from any module's working directory. */
public final class SampleApp {
    private static final Path RELATIVE = Path.of("examples", "sample-app");

    private SampleApp() {
    }

    /** {@code examples/sample-app} of the checkout, found by walking up from the working directory. */
    public static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            Path sampleApp = candidate.resolve(RELATIVE);
            if (Files.isRegularFile(sampleApp.resolve("Dockerfile"))) {
                return sampleApp;
            }
        }
        throw new IllegalStateException("No " + RELATIVE + "/Dockerfile in " + start + " or any parent directory");
    }
}
