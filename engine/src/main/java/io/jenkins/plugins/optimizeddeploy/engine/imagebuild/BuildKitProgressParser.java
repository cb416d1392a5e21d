package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's {@code --progress=plain} output into Dockerfile steps. A step is a vertex
 * {@code #N [stage i/n] INSTRUCTION}; its last status line ({@code CACHED}, {@code DONE}, {@code ERROR},
 * {@code CANCELED}) wins, because headers repeat as vertices resume. FROM, {@code [internal]}, {@code [auth]},
 * cache import and export vertices are not steps. A step that ends {@code DONE} (or without a status) having only
 * downloaded and extracted layers was not run: its result came from an imported cache (a new builder materialising a cached
 * stage that a changed step builds on), so it counts as cached.
 *
 * <p>{@link #cacheTimes} reads the time BuildKit reports for cache work from the same output.
 */
public final class BuildKitProgressParser {
    private static final Pattern VERTEX_LINE = Pattern.compile("^#(\\d+) (.*)$");
    /** {@code [stage i/n] INSTR}, {@code [i/n] INSTR}, or under bake {@code [target stage i/n] INSTR}. */
    private static final Pattern STEP_HEADER = Pattern.compile("^\\[(?:[^\\]\\s]+ ){0,2}\\d+/\\d+\\] (.*)$");
    /**
     * {@code sha256:HEX 1.04MB / 1.04MB 0.0s done} or {@code extracting sha256:HEX 0.1s done}; a bare
     * {@code sha256:HEX} is the layer a step made.
     */
    private static final Pattern LAYER_TRANSFER =
            Pattern.compile("^(?:extracting sha256:[0-9a-f]{64}|sha256:[0-9a-f]{64} \\S+ / \\S+)( .*)?$");

    /** A vertex's own duration: {@code DONE 0.3s}. */
    private static final Pattern DONE = Pattern.compile("^DONE (\\d+(?:\\.\\d+)?)s$");
    /** A sub-task's duration inside a vertex: {@code pulling sha256:... 0.1s done}. */
    private static final Pattern TASK_DONE = Pattern.compile("^(.*) (\\d+(?:\\.\\d+)?)s done$");

    private BuildKitProgressParser() {
    }

    public static List<BuildStep> parse(List<String> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, BuildStep.Status> statuses = new LinkedHashMap<>();
        Set<String> transferredLayers = new HashSet<>();
        Set<String> didOtherWork = new HashSet<>();
        for (VertexLine line : vertexLines(lines)) {
            String id = line.id();
            String rest = line.text();
            Matcher header = STEP_HEADER.matcher(rest);
            if (header.matches()) {
                if (!header.group(1).regionMatches(true, 0, "FROM ", 0, 5)) {
                    names.putIfAbsent(id, rest);
                }
            } else if (rest.equals("CACHED")) {
                statuses.put(id, BuildStep.Status.CACHED);
            } else if (rest.startsWith("DONE")) {
                statuses.put(id, BuildStep.Status.EXECUTED);
            } else if (rest.startsWith("ERROR") || rest.startsWith("CANCELED")) {
                statuses.put(id, BuildStep.Status.FAILED);
            } else if (LAYER_TRANSFER.matcher(rest).matches()) {
                transferredLayers.add(id);
            } else if (!rest.equals("...")) {
                didOtherWork.add(id);
            }
        }
        List<BuildStep> steps = new ArrayList<>();
        names.forEach((id, name) -> {
            BuildStep.Status status = statuses.getOrDefault(id, BuildStep.Status.EXECUTED);
            boolean onlyTransferredLayers = transferredLayers.contains(id) && !didOtherWork.contains(id);
            steps.add(new BuildStep(name, status == BuildStep.Status.EXECUTED && onlyTransferredLayers
                    ? BuildStep.Status.CACHED : status));
        });
        return steps;
    }

    /**
     * Cache import: the {@code importing cache manifest from REF} vertices and the layers pulled for cached steps
     * ({@code pulling sha256:... 0.1s done} under a {@code CACHED} step: the cache's layers, fetched lazily when the
     * hit is used). Cache export: the {@code exporting cache} vertices (buildx's registry or local export, or
     * dockerd's inline cache metadata) and {@code preparing layers for inline cache}. BuildKit reports tenths of a
     * second, so work under 50 ms reads as 0.
     */
    public static CacheTimes cacheTimes(List<String> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> vertexSeconds = new LinkedHashMap<>();
        Map<String, Double> pulledSeconds = new LinkedHashMap<>();
        Map<String, Boolean> cached = new LinkedHashMap<>();
        double inlineExportSeconds = 0;
        for (VertexLine line : vertexLines(lines)) {
            String id = line.id();
            String rest = line.text();
            if (names.putIfAbsent(id, rest) == null) {
                continue;
            }
            Matcher done = DONE.matcher(rest);
            Matcher task = TASK_DONE.matcher(rest);
            if (done.matches()) {
                vertexSeconds.put(id, Double.parseDouble(done.group(1)));
            } else if (rest.equals("CACHED")) {
                cached.put(id, true);
            } else if (task.matches() && task.group(1).startsWith("pulling ")) {
                pulledSeconds.merge(id, Double.parseDouble(task.group(2)), Double::sum);
            } else if (task.matches() && task.group(1).startsWith("preparing layers for inline cache")) {
                inlineExportSeconds += Double.parseDouble(task.group(2));
            }
        }
        double importSeconds = 0;
        double exportSeconds = inlineExportSeconds;
        for (Map.Entry<String, String> vertex : names.entrySet()) {
            String id = vertex.getKey();
            if (vertex.getValue().startsWith("importing cache manifest from ")) {
                importSeconds += vertexSeconds.getOrDefault(id, 0.0);
            } else if (exportsCache(vertex.getValue())) {
                exportSeconds += vertexSeconds.getOrDefault(id, 0.0);
            } else if (cached.getOrDefault(id, false)) {
                importSeconds += pulledSeconds.getOrDefault(id, 0.0);
            }
        }
        return new CacheTimes(Math.round(importSeconds * 1000), Math.round(exportSeconds * 1000));
    }

    /**
     * The errors of the cache export vertices, each as {@code VERTEX: ERROR}: with {@code ignore-error=true} a bake
     * still exits 0 when a cache cannot be written, and only these lines say so.
     */
    public static List<String> cacheExportErrors(List<String> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (VertexLine line : vertexLines(lines)) {
            String name = names.putIfAbsent(line.id(), line.text());
            String rest = line.text();
            if (name != null && exportsCache(name) && rest.startsWith("ERROR")) {
                errors.add(name + ": " + rest.replaceFirst("^ERROR:?\\s*", ""));
            }
        }
        return errors;
    }

    /** dockerd's and buildkitd's {@code exporting cache}, and buildkitd 0.11's {@code exporting content cache}. */
    private static boolean exportsCache(String vertexName) {
        return vertexName.startsWith("exporting cache") || vertexName.startsWith("exporting content cache");
    }

    /** {@code #ID TEXT}: one line of a vertex's progress. */
    private record VertexLine(String id, String text) {
    }

    private static List<VertexLine> vertexLines(List<String> lines) {
        List<VertexLine> vertexLines = new ArrayList<>();
        for (String line : lines) {
            Matcher vertex = VERTEX_LINE.matcher(line.strip());
            if (vertex.matches()) {
                vertexLines.add(new VertexLine(vertex.group(1), vertex.group(2)));
            }
        }
        return vertexLines;
    }
}
