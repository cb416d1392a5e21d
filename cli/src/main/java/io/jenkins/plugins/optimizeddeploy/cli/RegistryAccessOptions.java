package io.jenkins.plugins.optimizeddeploy.cli;

import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.registry.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.DockerConfigCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a subcommand reaches a registry: credentials (explicit, else docker's config.json) and TLS choices.
 * The password is only ever read from standard input, so it never appears in a process argument.
 */
final class RegistryAccessOptions {
    @Option(names = "--username", paramLabel = "USER", description = "Registry user name (the password comes from --password-stdin).")
    String username;

    @Option(names = "--password-stdin", description = "Read the registry password from standard input.")
    boolean passwordFromStdin;

    @Option(names = "--docker-config", paramLabel = "FILE",
            description = "docker config.json to take credentials from (default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json).")
    Path dockerConfig;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Also trust this CA certificate (PEM) for the registry's TLS.")
    Path caCertificate;

    @Option(names = "--insecure", description = "Do not verify the registry's TLS certificate (plain HTTP is only ever used for loopback registries).")
    boolean insecureTls;

    RegistryClient newClient(CommandSpec spec, InputStream stdin) {
        RegistryOptions.Builder options = RegistryOptions.builder().insecureTls(insecureTls);
        if (caCertificate != null) {
            options.caCertificate(caCertificate);
        }
        return new RegistryClient(options.build(), credentials(spec, stdin));
    }

    private CredentialsSource credentials(CommandSpec spec, InputStream stdin) {
        if (passwordFromStdin != (username != null)) {
            throw new ParameterException(spec.commandLine(), "--username and --password-stdin go together: give both or neither");
        }
        if (username != null) {
            return CredentialsSource.fixed(new RegistryCredentials(username, readPassword(spec, stdin)));
        }
        return dockerConfig != null ? DockerConfigCredentials.from(dockerConfig) : DockerConfigCredentials.fromDefaultLocation();
    }

    private static String readPassword(CommandSpec spec, InputStream stdin) {
        String password = InputFile.readText(stdin, "--password-stdin: standard input", InputKind.PASSWORD).strip();
        if (password.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--password-stdin: standard input held no password");
        }
        return password;
    }
}
