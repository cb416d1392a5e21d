package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of examples/sample-app that a test may change (e.g. web/index.html) without touching the checkout. */
public final class SampleAppCopy {
    private SampleAppCopy() {
    }

    public static Path into(Path directory) {
        Path source = SampleApp.directory();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = directory.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + directory, e);
        }
        return directory;
    }

    public static void change(Path file, String appended) {
        try {
            Files.writeString(file, Files.readString(file) + appended);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change " + file, e);
        }
    }
}
