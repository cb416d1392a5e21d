package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The time images say they were created, as reproducible builds choose it: {@code SOURCE_DATE_EPOCH} when set, else
 * the commit time of {@code HEAD} in the bake file's folder, else the build's own time. A value that stays the same
 * for a commit keeps the label steps buildah appends cached and makes two builds of one commit label alike.
 *
 * @param origin where {@code created} came from, for the build log
 */
public record SourceDate(Instant created, String origin) {
    public static final String VARIABLE = "SOURCE_DATE_EPOCH";
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(20);

    /**
     * @throws BadInputException naming {@value #VARIABLE} when it is set but not a number of seconds
     */
    public static SourceDate resolve(Map<String, String> environment, Path directory, CommandRunner runner,
            Instant buildTime) {
        String epoch = environment.getOrDefault(VARIABLE, "").strip();
        if (!epoch.isEmpty()) {
            return new SourceDate(parseEpoch(epoch), VARIABLE);
        }
        try {
            CommandResult commit = runner.run(Command.of("git", "-C", directory.toString(), "log", "-1", "--format=%ct")
                    .withTimeout(GIT_TIMEOUT));
            if (commit.succeeded() && commit.stdout().size() == 1) {
                return new SourceDate(parseEpoch(commit.stdout().get(0).strip()), "the commit time of HEAD in " + directory);
            }
            return new SourceDate(buildTime, "the build's time: " + directory + " has no commit (" + commit.lastLine() + ")");
        } catch (CommandFailedException e) {
            return new SourceDate(buildTime, "the build's time: git could not be run (" + e.getMessage() + ")");
        }
    }

    private static Instant parseEpoch(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            throw new BadInputException(VARIABLE + " must be a number of seconds since 1970, got '" + seconds + "'", e);
        }
    }
}
