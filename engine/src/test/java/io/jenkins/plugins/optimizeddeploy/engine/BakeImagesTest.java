package io.jenkins.plugins.optimizeddeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.DockerSettings;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.ImageBuildException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SampleAppRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah.BuildahSettings;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakeImagesTest {
    private static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock");

    @TempDir
    Path directory;

    @Test
    void shouldEscapeTerminalControlCharactersInWhatABuilderPrintsBeforeItReachesTheLog() throws IOException {
        // a builder whose version line sets the terminal's title: the backend choice quotes it in the log
        Path buildah = directory.resolve("buildah");
        Files.writeString(buildah, "#!/bin/sh\n[ \"$1\" = --version ]"
                + " && printf 'buildah version 9.9\\033]0;pwned\\007\\n' && exit 0\nexit 1\n");
        Files.setPosixFilePermissions(buildah, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(directory.resolve("Dockerfile"), "FROM scratch\n");
        Path bakeFile = directory.resolve("docker-bake.hcl");
        Files.writeString(bakeFile, "target \"web\" {\n  dockerfile = \"Dockerfile\"\n}\n");
        BuildRequest request = new BuildRequest(List.of("web"), "127.0.0.1:9", List.of("t1"),
                SampleAppRequest.REVISION, "", CacheSettings.of("127.0.0.1:9/cache", "main", "main"), Map.of());
        List<String> log = new CopyOnWriteArrayList<>();

        try (RegistryClient registry = new RegistryClient(RegistryOptions.defaults(), CredentialsSource.anonymous())) {
            BakeImages bake = new BakeImages(new ProcessCommandRunner(), registry,
                    DockerSettings.defaults(NO_DAEMON).withBinary(directory.resolve("no-docker")),
                    BuildahSettings.defaults(List.of(), Map.of()).withBinary(buildah));
            assertThatThrownBy(() -> bake.run(bakeFile, request, BuilderBackend.AUTO, log::add))
                    .isInstanceOf(ImageBuildException.class);
        }

        assertThat(log).anySatisfy(line -> assertThat(line).contains("buildah version 9.9\\x1b]0;pwned\\x07"))
                .allSatisfy(line -> assertThat(line).doesNotContain("\u001b", "\u0007"));
    }
}
