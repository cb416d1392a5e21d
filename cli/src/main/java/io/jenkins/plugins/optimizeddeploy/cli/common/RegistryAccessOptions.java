package io.jenkins.plugins.optimizeddeploy.cli.common;

import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.CredentialsSource;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.DockerConfigCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.RegistryCredentials;
import io.jenkins.plugins.optimizeddeploy.engine.registry.auth.TemporaryDockerConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a subcommand reaches a registry: credentials (explicit for one registry, else docker's config.json) and TLS
 * choices. The password is only ever read from standard input, so it never appears in a process argument.
 */
public final class RegistryAccessOptions {
    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user name (the password comes from --password-stdin), sent only to one registry:"
                    + " --credentials-registry, else the target's (the image's; for retag that of --to, else of the"
                    + " sources; for build that of --registry). Other registries get the docker config's credentials. build hands"
                    + " both to docker and buildah in a private temporary docker config, deleted when it ends.")
    String username;

    @Option(names = "--credentials-registry", paramLabel = "HOST[:PORT]",
            description = "The registry --username and --password-stdin are for (default: the target's).")
    String credentialsRegistry;

    @Option(names = "--password-stdin", description = "Read the registry password from standard input.")
    boolean passwordFromStdin;

    @Option(names = "--docker-config", paramLabel = "FILE",
            description = "docker config.json to take credentials from (default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json).")
    Path dockerConfig;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "Also trust this CA certificate (PEM) for the registry's TLS.")
    Path caCertificate;

    @Option(names = "--insecure", description = "Do not verify the registry's TLS certificate (plain HTTP is only ever used for loopback registries).")
    boolean insecureTls;

    public boolean passwordFromStdin() {
        return passwordFromStdin;
    }

    public boolean insecureTls() {
        return insecureTls;
    }

    /**
     * These options as given, for a command that runs others with the same registry access (the password, when
     * {@code --password-stdin} was given, goes to each one's standard input, never into an argument).
     */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        Map.of("--username", Optional.ofNullable(username), "--credentials-registry", Optional.ofNullable(credentialsRegistry),
                "--docker-config", Optional.ofNullable(dockerConfig), "--ca-cert", Optional.ofNullable(caCertificate))
                .forEach((option, value) -> value.ifPresent(given -> arguments.addAll(List.of(option, given.toString()))));
        if (passwordFromStdin) {
            arguments.add("--password-stdin");
        }
        if (insecureTls) {
            arguments.add("--insecure");
        }
        return arguments;
    }

    /** The docker config's credentials, read when first needed. */
    private CredentialsSource dockerConfigCredentials;

    /** The --username login by its registry, once {@link #newClient} has read the password. */
    private final Map<String, RegistryCredentials> explicitLogin = new LinkedHashMap<>();

    /**
     * A docker config for docker and buildah with the credentials the client has (call {@link #newClient} first):
     * the --username login for its registry, the other logins of --docker-config. Empty without --username and
     * --docker-config: the builders then read docker's own config, as the client does.
     */
    public Optional<TemporaryDockerConfig> builderDockerConfig() {
        if (explicitLogin.isEmpty() && dockerConfig == null) {
            return Optional.empty();
        }
        return Optional.of(TemporaryDockerConfig.write(Path.of(System.getProperty("java.io.tmpdir")),
                dockerConfig != null ? dockerConfig : DockerConfigCredentials.defaultLocation(), explicitLogin));
    }

    /**
     * A client with these options.
     *
     * @param targetRegistries the registries the command writes to (or reads, when it writes nothing): explicit
     *                         credentials are for them when they are one and --credentials-registry names none
     */
    public RegistryClient newClient(CommandSpec spec, InputStream stdin, Collection<String> targetRegistries) {
        RegistryOptions.Builder options = RegistryOptions.builder().insecureTls(insecureTls);
        if (caCertificate != null) {
            options.caCertificate(caCertificate);
        }
        return new RegistryClient(options.build(), credentials(spec, stdin, Set.copyOf(targetRegistries)));
    }

    private CredentialsSource credentials(CommandSpec spec, InputStream stdin, Set<String> targetRegistries) {
        if (passwordFromStdin != (username != null)) {
            throw new ParameterException(spec.commandLine(), "--username and --password-stdin go together: give both or neither");
        }
        if (credentialsRegistry != null && username == null) {
            throw new ParameterException(spec.commandLine(), "--credentials-registry names where --username goes: give --username too");
        }
        if (username == null) {
            return dockerConfigCredentials();
        }
        String registry = credentialsRegistry;
        if (registry == null) {
            if (targetRegistries.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--username: the images are on several registries ("
                        + String.join(", ", new TreeSet<>(targetRegistries)) + "); name the one the credentials are for with --credentials-registry");
            }
            registry = targetRegistries.iterator().next();
        }
        // The docker config is read only if another registry asks for credentials.
        RegistryCredentials login = new RegistryCredentials(username, readPassword(spec, stdin));
        explicitLogin.put(registry, login);
        return CredentialsSource.forRegistry(registry, login, registryHost -> dockerConfigCredentials().lookup(registryHost));
    }

    private synchronized CredentialsSource dockerConfigCredentials() {
        if (dockerConfigCredentials == null) {
            dockerConfigCredentials = dockerConfig != null ? DockerConfigCredentials.from(dockerConfig)
                    : DockerConfigCredentials.fromDefaultLocation();
        }
        return dockerConfigCredentials;
    }

    private static String readPassword(CommandSpec spec, InputStream stdin) {
        String password = InputFile.readText(stdin, "--password-stdin: standard input", InputKind.PASSWORD).strip();
        if (password.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--password-stdin: standard input held no password");
        }
        return password;
    }
}
