package io.jenkins.plugins.optimizeddeploy.cli.retag;

import io.jenkins.plugins.optimizeddeploy.cli.common.ExitCode;
import io.jenkins.plugins.optimizeddeploy.cli.common.InterruptOnSignal;
import io.jenkins.plugins.optimizeddeploy.cli.common.JsonOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RecordOption;
import io.jenkins.plugins.optimizeddeploy.cli.common.RegistryAccessOptions;
import io.jenkins.plugins.optimizeddeploy.cli.common.TopCommand;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.MetricsParts;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagRequest;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.retag.Retagger;
import io.jenkins.plugins.optimizeddeploy.engine.retag.TagResult;
import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code optimized-deploy retag SOURCE... --tag T [--tag T2 ...] [--to REPO] [--json]}: new tags for images in the
 * registry, without moving a layer, all or nothing. Stopped by a signal (Ctrl-C, a CI job cancelled with SIGTERM),
 * it ends its requests and puts back the tags it had moved before the process ends ({@link StopOnSignal}).
 */
@Command(
        name = "retag",
        mixinStandardHelpOptions = true,
        description = "Give every SOURCE image every --tag in the registry, all or nothing: the manifest is written"
                + " again byte for byte (the digest does not change), no layer is pulled or pushed. With --to the tags"
                + " go into that repository: layers are mounted on the same registry, streamed to another one."
                + " Exit 0 when every tag moved, 3 when nothing moved (the output says why), 2 on bad input.")
public final class RetagCommand implements Callable<Integer> {
    @ParentCommand
    TopCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*",
            description = "Images to retag, by tag or digest, e.g. registry.example.com/team/web:abc123.")
    List<String> sources;

    @Option(names = "--tag", paramLabel = "TAG", required = true, description = "A new tag; repeat for more.")
    List<String> tags;

    @Option(names = "--to", paramLabel = "REPO",
            description = "Put the tags in this repository (registry/repository, no tag) instead of each source's own.")
    String to;

    @Mixin
    JsonOption json;

    @Mixin
    RegistryAccessOptions registryAccess;

    @Mixin
    RecordOption record;

    @Override
    public Integer call() {
        record.checkBeforeWork();
        RetagRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RegistryClient client = registryAccess.newClient(spec, parent.stdin(), request.targetRegistries());
                StopOnSignal stopOnSignal = new StopOnSignal(out, err)) {
            RetagResult result = new Retagger(client).retag(request, stopOnSignal, stopOnSignal::tagsRead);
            record.add(millis -> MetricsParts.retag(result));
            // the report quotes the registries' answers: escaped, they cannot drive the terminal
            List<String> summary = result.summary().stream().map(TerminalText::escape).toList();
            json.print(out, () -> RetagResultFields.of(result),
                    () -> String.join(System.lineSeparator(), summary) + System.lineSeparator());
            if (!result.moved()) {
                err.println("optimized-deploy: " + summary.get(0));
                err.flush();
                return ExitCode.FAILURE;
            }
            return ExitCode.OK;
        }
    }

    private RetagRequest request() {
        try {
            return RetagRequest.of(sources, tags, to);
        } catch (BadInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * A signal that ends the process interrupts the retagging thread, which then puts back the tags it had moved (see
     * {@link InterruptOnSignal}). The retag's log lines, kept until then, go to standard error from the signal on, so
     * the user sees which tags were put back. When the wait runs out, every tag is printed with where it pointed
     * before the retag, on standard output and standard error, for whoever puts them back by hand.
     */
    private static final class StopOnSignal extends InterruptOnSignal implements Consumer<String> {
        private final PrintWriter out;
        private final PrintWriter err;
        private final List<String> lines = new ArrayList<>();
        private boolean signalled;
        private volatile List<TagResult> before;

        StopOnSignal(PrintWriter out, PrintWriter err) {
            super("optimized-deploy retag: put tags back before exiting");
            this.out = out;
            this.err = err;
        }

        @Override
        public void accept(String line) {
            synchronized (lines) {
                lines.add(line);
                if (signalled) {
                    print(line);
                }
            }
        }

        void tagsRead(List<TagResult> tags) {
            before = tags;
        }

        @Override
        protected void signalled() {
            synchronized (lines) {
                signalled = true;
                lines.forEach(this::print);
            }
        }

        @Override
        protected void gaveUp() {
            List<String> report = new ArrayList<>();
            String stopped = "optimized-deploy: stopped waiting for the retag to end after " + GRACE.toSeconds() + " s; ";
            List<TagResult> tags = before;
            if (tags == null) {
                report.add(stopped + "it had not written a tag yet");
            } else {
                report.add(stopped + "some tags may still point at the new images; where each tag pointed before, to"
                        + " put back by hand:");
                tags.forEach(tag -> report.add("optimized-deploy:   " + tag.target() + " "
                        + (tag.previousDigest() == null ? "did not exist" : tag.previousDigest())));
            }
            report.forEach(line -> {
                out.println(line);
                print(line);
            });
            out.flush();
        }

        private void print(String line) {
            err.println(TerminalText.escape(line));
            err.flush();
        }
    }
}
