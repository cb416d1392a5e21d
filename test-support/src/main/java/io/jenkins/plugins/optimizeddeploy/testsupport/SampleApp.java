package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** A copy of the sample app in {@code folder}, for a test that changes its files; returns {@code folder}. */
    public static Path copyTo(Path folder) {
        Path sample = directory();
        try (Stream<Path> paths = Files.walk(sample)) {
            paths.forEach(path -> {
                Path target = folder.resolve(sample.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot copy " + path + " to " + target, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sample, e);
        }
        return folder;
    }
}
