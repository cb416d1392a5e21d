import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.DockerfileParser;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LintConfiguration;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Linter;
import io.jenkins.plugins.optimizeddeploy.engine.lint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times optimized-deploy on every file of a corpus exactly as peers.js times the npm peers: per file, the median
 * of RUNS calls after the whole corpus has been run WARMUP times (a warm JVM). One JSON line per file.
 * Run as a single-file program: java -cp ENGINE_CLASSPATH Ours.java CORPUS WARMUP RUNS
 */
class Ours {
    private static final Linter LINTER = RuleRegistry.linter(LintConfiguration.defaults());

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> contents = files.stream().map(Ours::read).toList();
        for (int round = 0; round < warmup; round++) {
            for (int i = 0; i < files.size(); i++) {
                check(files.get(i).toString(), contents.get(i));
            }
        }
        for (int i = 0; i < files.size(); i++) {
            long[] times = new long[runs];
            String failure = null;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                failure = check(files.get(i).toString(), contents.get(i));
                times[run] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            System.out.printf("{\"tool\":\"optimized-deploy\",\"file\":\"%s\",\"medianNanos\":%d,\"failure\":%s}%n",
                    corpus.relativize(files.get(i)), times[runs / 2],
                    failure == null ? "null" : "\"" + failure.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
    }

    /** Parses and lints one file with the default rules; the failure's message, or null. */
    private static String check(String source, String content) {
        try {
            LINTER.lint(DockerfileParser.parse(source, content));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
