package io.jenkins.plugins.optimizeddeploy.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.cli.CliRun;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.testsupport.DockerdExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandLoginIT {
    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerdExtension DOCKERD = new DockerdExtension();

    @Test
    void shouldPushWithTheGivenLoginThoughTheMachinesDockerConfigHasNoneAndLeaveNoConfigBehind(@TempDir Path machine)
            throws IOException {
        String baseImage = REGISTRY.pushBusyboxBase("base/busybox", "cli-login");
        Path noLogins = Files.writeString(machine.resolve("config.json"), "{\"auths\":{}}");
        List<Path> configsBefore = temporaryDockerConfigs();
        String registry = REGISTRY.hostPort() + "/cli-login";

        Set<String> programsGivenThePassword = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService processWatch = Executors.newSingleThreadScheduledExecutor();
        processWatch.scheduleWithFixedDelay(() -> programsGivenThePassword.addAll(programsWithArgument(REGISTRY.password())),
                0, 20, TimeUnit.MILLISECONDS);
        CliRun run;
        try {
            run = CliRun.withStdin(REGISTRY.password() + "\n", "build", "--file",
                    SampleApp.directory().resolve("docker-bake.hcl").toString(), "--target", "web", "--registry", registry,
                    "--tag", "login-1", "--backend", "docker", "--docker-host", DOCKERD.dockerHost(),
                    "--var", "BASE_IMAGE=" + baseImage, "--branch", "main", "--username", REGISTRY.username(),
                    "--password-stdin", "--docker-config", noLogins.toString());
        } finally {
            processWatch.shutdownNow();
        }

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(REGISTRY.manifest("cli-login/web", "login-1")).as("pushed by docker with the login").isNotNull();
        assertThat(run.out() + run.err()).doesNotContain(REGISTRY.password());
        assertThat(programsGivenThePassword).as("processes seen with the password in an argument")
                .isEmpty();
        assertThat(temporaryDockerConfigs()).as("the temporary docker config is deleted").isEqualTo(configsBefore);
        assertThat(Files.readString(noLogins)).isEqualTo("{\"auths\":{}}");
    }

    /** The programs (with their process ids) of this machine's processes that have {@code secret} in an argument. */
    private static List<String> programsWithArgument(String secret) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
                    .flatMap(process -> {
                        try {
                            String[] arguments = new String(Files.readAllBytes(process.resolve("cmdline")),
                                    StandardCharsets.UTF_8).split("\0");
                            return Stream.of(arguments).anyMatch(argument -> argument.contains(secret))
                                    ? Stream.of(arguments[0] + " (pid " + process.getFileName() + ")") : Stream.empty();
                        } catch (IOException e) {
                            return Stream.empty(); // the process has ended
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc to look for the password in process arguments", e);
        }
    }

    private static List<Path> temporaryDockerConfigs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("optimized-deploy-docker-config"))
                    .sorted().toList();
        }
    }
}
