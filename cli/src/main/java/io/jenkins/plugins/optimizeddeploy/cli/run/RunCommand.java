package io.jenkins.plugins.optimizeddeploy.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.ReportOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsJson;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsRecordException;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.Phase;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code optimized-deploy run --config optimized-deploy.yaml}: the whole pipeline of {@code optimizedDeploy(...)}
 * outside Jenkins. Each stage is the command of its own name run in this process (harden, build, verify, retag,
 * deploy, each adding its part to one record), so a stage behaves exactly as that command does; a line per stage
 * says how it went, and the record and its report are written at the end, whatever happened.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the stages of optimizedDeploy(...) from a config file with the same keys (resources/io/jenkins/"
                    + "plugins/optimizeddeploy/defaults.yaml holds each with its default; paths are relative to the"
                    + " config file's folder): Harden (lint the Dockerfiles), Build (the bake group, with the registry"
                    + " cache), Verify (check the built images), Release (give them releaseTags in the registry) and"
                    + " Deploy (the built digests behind the health gate; a failed gate puts every service back: the"
                    + " Rollback line). One line per stage on standard output, the details on standard error; then the"
                    + " metrics record and its HTML report.",
            "Exits with 0 when every stage passed, 1 when a gate failed (findings at failOn, or an unhealthy deploy"
                    + " that was rolled back), 2 for a bad config file (an unknown key, a wrong type, no registry),"
                    + " 3 when a stage failed."
        })
public final class RunCommand implements Callable<Integer> {
    /** Deploy options that {@code run} sets from keys of their own. */
    private static final Set<String> SET_BY_RUN = Set.of("--target", "--service", "--health-url", "--timeout",
            "--docker-host", "--json", "--record");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The settings: any key of optimizedDeploy(...) in a Jenkinsfile (YAML).")
    Path config;

    @Option(names = "--branch", paramLabel = "BRANCH",
            description = "The branch being built: its cache and tag. Deploy runs only when it is the config's"
                    + " defaultBranch (default: defaultBranch, so deploy: true deploys).")
    String branch;

    @Option(names = "--record", paramLabel = "FILE", defaultValue = "optimized-deploy-run.json",
            description = "The run's metrics record, replaced when it exists (default: ${DEFAULT-VALUE}).")
    Path record;

    @Option(names = "--html", paramLabel = "OUT", defaultValue = "optimized-deploy-report.html",
            description = "Write the HTML report here (default: ${DEFAULT-VALUE}).")
    Path html;

    @Mixin
    ReportOptions report;

    @Mixin
    RegistryAccessOptions registryAccess;

    private byte[] password = new byte[0];

    @Override
    public Integer call() {
        RunConfiguration settings = RunConfiguration.read(config);
        checkBeforeWork(settings);
        if (!settings.text("credentialsId").isEmpty()) {
            err().println("optimized-deploy run: credentialsId is a Jenkins credential; here the registries get the"
                    + " docker config's logins, or --username with --password-stdin");
        }
        startRecord();
        if (registryAccess.passwordFromStdin()) {
            password = InputFile.readText(parent.stdin(), "--password-stdin: standard input", InputKind.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8);
        }
        int exitCode = stages(settings);
        report.write(record, html, out());
        return exitCode;
    }

    private int stages(RunConfiguration settings) {
        int harden = settings.bool("harden") ? harden(settings) : skipped("harden", "harden: false");
        if (harden != ExitCode.OK) {
            return harden;
        }
        Outcome build = stage(Phase.BUILD, buildArguments(settings));
        if (build.exitCode() != ExitCode.OK) {
            return line("build", "failed", build);
        }
        Map<String, ImageReference> built = builtImages(build);
        line("build", builtSummary(build), build);
        List<String> images = built.values().stream().map(ImageReference::toString).toList();
        int verify = settings.bool("verify") ? verify(settings, images) : skipped("verify", "verify: false");
        if (verify != ExitCode.OK) {
            return verify;
        }
        int release = settings.strings("releaseTags").isEmpty() ? skipped("release", "no releaseTags")
                : release(settings, images);
        if (release != ExitCode.OK) {
            return release;
        }
        String defaultBranch = settings.text("defaultBranch");
        if (!settings.bool("deploy")) {
            return skipped("deploy", "deploy: false");
        }
        if (branch != null && !branch.equals(defaultBranch)) {
            return skipped("deploy", "branch " + branch + " is not the defaultBranch " + defaultBranch);
        }
        return deploy(settings, built);
    }

    private int harden(RunConfiguration settings) {
        List<String> arguments = new ArrayList<>(List.of("harden", "--failure-threshold", settings.text("failOn")));
        if (settings.bool("fix")) {
            arguments.add("--fix");
        }
        List.of(".hadolint.yaml", ".hadolint.yml").stream().map(settings.folder()::resolve).filter(Files::isRegularFile)
                .findFirst().ifPresent(file -> arguments.addAll(List.of("--config", file.toString())));
        settings.paths("dockerfiles").forEach(file -> arguments.add(file.toString()));
        Outcome harden = stage(Phase.HARDEN, arguments);
        return findingsLine("harden", settings.paths("dockerfiles").size() + " Dockerfile(s)", Phase.HARDEN, harden);
    }

    private List<String> buildArguments(RunConfiguration settings) {
        List<String> arguments = new ArrayList<>(List.of("build", "--file", settings.path("bakeFile").toString(),
                "--registry", settings.text("registry"), "--backend", settings.text("backend"),
                "--branch", branch != null ? branch : settings.text("defaultBranch"),
                "--default-branch", settings.text("defaultBranch"), "--json"));
        addIfSet(arguments, "--docker-host", settings.text("dockerHost"));
        List<String> targets = settings.strings("targets");
        if (!targets.isEmpty()) {
            targets.forEach(target -> arguments.addAll(List.of("--target", target)));
        } else if (!settings.text("group").isEmpty()) {
            arguments.addAll(List.of("--group", settings.text("group")));
        }
        addIfSet(arguments, "--cache-repository", settings.text("cacheRepository"));
        arguments.addAll(registryAccess.arguments());
        return arguments;
    }

    private int verify(RunConfiguration settings, List<String> images) {
        List<String> arguments = new ArrayList<>(List.of("verify", "--failure-threshold", settings.text("failOn")));
        arguments.addAll(images);
        arguments.addAll(registryAccess.arguments());
        Outcome verify = stage(Phase.VERIFY, arguments);
        return findingsLine("verify", images.size() + " image(s)", Phase.VERIFY, verify);
    }

    private int release(RunConfiguration settings, List<String> images) {
        List<String> tags = settings.strings("releaseTags");
        List<String> arguments = new ArrayList<>(List.of("retag"));
        arguments.addAll(images);
        tags.forEach(tag -> arguments.addAll(List.of("--tag", tag)));
        arguments.addAll(registryAccess.arguments());
        Outcome release = stage(Phase.RETAG, arguments);
        return line("release", release.exitCode() == ExitCode.OK ? images.size() + " image(s) also tagged "
                + String.join(", ", tags) + " in the registry, no layer moved" : "failed: no tag moved", release);
    }

    private int deploy(RunConfiguration settings, Map<String, ImageReference> built) {
        Map<String, String> services = settings.map("services");
        if (services.isEmpty()) {
            built.keySet().forEach(target -> services.put(target, target));
        }
        List<String> arguments = new ArrayList<>(List.of("deploy", "--target", settings.text("target"),
                "--timeout", settings.number("timeout") + "s", "--json"));
        services.forEach((service, target) -> {
            if (!built.containsKey(target)) {
                throw new RunConfigurationException(config + ": services." + service + " names the target '" + target
                        + "', which was not built; the built targets are " + String.join(", ", built.keySet()));
            }
            arguments.addAll(List.of("--service", service + "=" + built.get(target)));
        });
        settings.map("health").forEach((service, url) -> {
            if (!services.containsKey(service)) {
                throw new RunConfigurationException(config + ": health." + service + " is not a deployed service; they"
                        + " are " + String.join(", ", services.keySet()));
            }
            arguments.addAll(List.of("--health-url", service + "=" + url));
        });
        addIfSet(arguments, "--docker-host", settings.text("dockerHost"));
        settings.map("deployOptions").forEach((key, value) -> arguments.add(option(key) + "=" + value));
        arguments.addAll(registryAccess.arguments());
        Outcome deploy = stage(Phase.DEPLOY, arguments);
        if (deploy.exitCode() == ExitCode.OK || deploy.exitCode() == ExitCode.GATE_FAILED) {
            JsonNode result = json(deploy);
            List<String> outcomes = new ArrayList<>();
            List<String> putBack = new ArrayList<>();
            for (JsonNode service : result.path("services")) {
                String name = service.path("service").asText();
                outcomes.add(deploy.exitCode() == ExitCode.OK ? name + " healthy after "
                        + service.path("timeToHealthyMillis").asLong() + " ms"
                        : name + " " + service.path("outcome").asText().toLowerCase(Locale.ROOT)
                                + (service.hasNonNull("reason") ? " (" + service.path("reason").asText() + ")" : ""));
                putBack.add(name + " runs " + (service.hasNonNull("running") ? service.path("running").asText() : "nothing"));
            }
            line("deploy", String.join(", ", outcomes), deploy);
            if (result.path("rolledBack").asBoolean()) {
                out().println("rollback: every service put back: " + String.join(", ", putBack));
            }
            return deploy.exitCode();
        }
        return line("deploy", "failed", deploy);
    }

    private static void addIfSet(List<String> arguments, String option, String value) {
        if (!value.isEmpty()) {
            arguments.addAll(List.of(option, value));
        }
    }

    /** {@code lockTimeout} is {@code --lock-timeout}: deployOptions are the deploy command's options by their names. */
    private static String option(String key) {
        return "--" + key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Everything in the config that can be checked before a stage runs: a bad value is refused before any work. */
    private void checkBeforeWork(RunConfiguration settings) {
        if (settings.text("registry").isBlank()) {
            throw new RunConfigurationException(config + ": registry is not set; it is where the images go, e.g."
                    + " registry: registry.example.com/team");
        }
        checkValue(settings, "failOn", FailureThreshold::parse);
        checkValue(settings, "backend", BuilderBackend::parse);
        CommandSpec deploy = spec.root().subcommands().get("deploy").getCommandSpec();
        List<String> targets = new ArrayList<>();
        deploy.findOption("--target").completionCandidates().forEach(targets::add);
        if (!targets.contains(settings.text("target"))) {
            throw new RunConfigurationException(config + ": target '" + settings.text("target") + "' is not one of "
                    + String.join(", ", targets));
        }
        if (settings.number("timeout") <= 0) {
            throw new RunConfigurationException(config + ": timeout must be a positive number of seconds, not "
                    + settings.number("timeout"));
        }
        List<String> allowed = deploy.options().stream().map(CommandLine.Model.OptionSpec::longestName)
                .filter(name -> !SET_BY_RUN.contains(name) && !name.equals("--help") && !name.equals("--version"))
                .map(name -> name.substring(2)).sorted().toList();
        for (String key : settings.map("deployOptions").keySet()) {
            if (!allowed.contains(option(key).substring(2))) {
                throw new RunConfigurationException(config + ": deployOptions." + key + " is not an option of the"
                        + " deploy; the options are " + String.join(", ", allowed) + " (in camelCase or as written)");
            }
        }
    }

    private void checkValue(RunConfiguration settings, String key, Consumer<String> parse) {
        try {
            parse.accept(settings.text(key));
        } catch (BadInputException e) {
            throw new RunConfigurationException(config + ": " + key + ": " + e.getMessage());
        }
    }

    /** The record is this run's alone: one left by an earlier run is replaced; a folder or device is refused. */
    private void startRecord() {
        if (Files.exists(record) && !Files.isRegularFile(record)) {
            throw new MetricsRecordException("the record " + record + " is not a regular file");
        }
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            throw new UncheckedIOException("could not replace the record " + record + ": " + e.getMessage(), e);
        }
        MetricsJson.addTo(record, RecordOption.newRun(System.getenv()));
    }

    /**
     * Runs one command in this process with this run's standard error, its output kept for the stage's line, and its
     * part added to the record; a stage that failed before recording anything adds its wall time as failed.
     */
    private Outcome stage(Phase phase, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments);
        command.addAll(List.of("--record", record.toString()));
        StringWriter captured = new StringWriter();
        long start = System.nanoTime();
        int exitCode = parent.freshCommandLine(new ByteArrayInputStream(password),
                new PrintWriter(captured, true), err()).execute(command.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exitCode != ExitCode.OK && !MetricsJson.read(record).phaseMillis().containsKey(phase)) {
            MetricsJson.addTo(record, MetricsParts.failedPhase(phase, millis));
        }
        if (exitCode != ExitCode.OK && phase != Phase.DEPLOY) {
            err().print(captured);
            err().flush();
        }
        return new Outcome(exitCode, captured.toString(), millis);
    }

    private int findingsLine(String stage, String what, Phase phase, Outcome outcome) {
        if (outcome.exitCode() != ExitCode.OK && outcome.exitCode() != ExitCode.GATE_FAILED) {
            return line(stage, "failed", outcome);
        }
        Map<String, Long> bySeverity = MetricsJson.read(record).findings().stream()
                .filter(finding -> finding.phase() == phase)
                .collect(Collectors.groupingBy(finding -> finding.severity().name().toLowerCase(Locale.ROOT),
                        TreeMap::new, Collectors.counting()));
        String findings = bySeverity.isEmpty() ? "no findings" : bySeverity.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")) + " finding(s)";
        return line(stage, what + ": " + findings + (outcome.exitCode() == ExitCode.GATE_FAILED
                ? ", failing at the threshold (failOn)" : ""), outcome);
    }

    private Map<String, ImageReference> builtImages(Outcome build) {
        Map<String, ImageReference> images = new LinkedHashMap<>();
        for (JsonNode target : json(build).path("targets")) {
            images.put(target.path("target").asText(), ImageReference.parse(
                    ImageReference.parse(target.path("image").asText()).name() + "@" + target.path("digest").asText()));
        }
        return images;
    }

    private String builtSummary(Outcome build) {
        JsonNode result = json(build);
        List<String> targets = new ArrayList<>();
        for (JsonNode target : result.path("targets")) {
            JsonNode steps = target.path("steps");
            targets.add(String.format(Locale.ROOT, "%s %.1f MB %d/%d steps cached", target.path("target").asText(),
                    target.path("compressedBytes").asLong() / 1e6, steps.path("cached").asInt(),
                    steps.path("total").asInt()));
        }
        return String.join(", ", targets) + " (" + result.path("backend").asText() + ")";
    }

    private JsonNode json(Outcome outcome) {
        try {
            return JSON.readTree(outcome.output());
        } catch (IOException e) {
            throw new IllegalStateException("a stage printed no JSON: " + e.getMessage(), e);
        }
    }

    private int skipped(String stage, String why) {
        out().println(stage + ": skipped (" + why + ")");
        out().flush();
        return ExitCode.OK;
    }

    /** The stage's one line on standard output; returns its exit code. */
    private int line(String stage, String summary, Outcome outcome) {
        out().println(TerminalText.escape(String.format(Locale.ROOT, "%s: %s in %.1f s", stage, summary,
                outcome.millis() / 1000.0)));
        out().flush();
        return outcome.exitCode();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** How a stage's command ended, what it printed on standard output and how long it took. */
    private record Outcome(int exitCode, String output, long millis) {
    }
}
