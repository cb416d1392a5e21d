package io.jenkins.plugins.optimizeddeploy.engine.bake;

import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandFailedException;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputFile;
import io.jenkins.plugins.optimizeddeploy.engine.files.InputKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bake file read for a build: by {@code docker buildx bake --print} where the docker client has buildx (the
 * reference implementation, for every backend), else by {@link BakeFileReader}. {@code readBy} says which, for the
 * log; {@code print} is the resolved definition in buildx's {@code --print} shape.
 *
 * @param selection the names that select the requested targets of {@code definition} (buildx printed only those,
 *                  under its default group: then none)
 */
public record BakeReading(BakeDefinition definition, List<String> selection, String readBy, String print) {
    public BakeReading {
        selection = List.copyOf(selection);
    }

    /** How long buildx may take to read the files before the built-in reader reads them instead. */
    static final Duration BUILDX_TIME_LIMIT = Duration.ofMinutes(1);

    /**
     * Reads {@code files} as one with {@code environment} setting their variables, for the targets {@code names}.
     *
     * @param docker            the docker client whose buildx reads them, run with {@code dockerEnvironment}
     */
    public static BakeReading read(CommandRunner runner, Path docker, Map<String, String> dockerEnvironment,
            List<Path> files, Map<String, String> environment, List<String> names) {
        return read(runner, docker, dockerEnvironment, files, environment, names, BUILDX_TIME_LIMIT);
    }

    /**
     * {@link #read(CommandRunner, Path, Map, List, Map, List)} with buildx given {@code buildxTimeLimit}: a file it
     * has not read by then (say one nested thousands of levels deep) is read by the built-in reader, which takes what
     * it can and names what it cannot.
     */
    static BakeReading read(CommandRunner runner, Path docker, Map<String, String> dockerEnvironment,
            List<Path> files, Map<String, String> environment, List<String> names, Duration buildxTimeLimit) {
        BuildxBakePrint buildx = new BuildxBakePrint(runner, docker, dockerEnvironment, buildxTimeLimit);
        Optional<String> version = buildx.version();
        if (version.isEmpty()) {
            return builtIn(files, environment, names, "the built-in reader (" + docker + " has no buildx)");
        }
        // what buildx is handed is checked as the built-in reader checks what it reads: a regular file within
        // the size limit (buildx would wait on a FIFO for ever)
        files.forEach(file -> InputFile.of(InputKind.BAKE_FILE, file).readBytes());
        try {
            String print = buildx.print(files, environment, names);
            return new BakeReading(buildx.definition(files, environment, print), List.of(),
                    "docker buildx bake --print (" + version.get() + ")", print);
        } catch (CommandFailedException e) {
            if (!e.timedOut()) {
                throw e;
            }
            return builtIn(files, environment, names, "the built-in reader (docker buildx bake --print did not"
                    + " finish within " + buildxTimeLimit + ")");
        }
    }

    /** {@link BakeFileReader}'s reading; {@code readBy} says why it is the reader. */
    public static BakeReading builtIn(List<Path> files, Map<String, String> environment, List<String> names,
            String readBy) {
        BakeDefinition definition = BakeFileReader.read(files, environment);
        return new BakeReading(definition, names, readBy, BakePrintJson.render(definition, names));
    }

    /** The targets to build, in order. */
    public List<BakeTarget> requested() {
        return definition.select(selection);
    }
}
