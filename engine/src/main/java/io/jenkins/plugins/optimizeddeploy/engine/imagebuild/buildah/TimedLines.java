package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputListener;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputStreamName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Stamps each output line of a running command with its arrival time, for builders that print cache work without
 * durations (buildah): the time between two lines is the time the work between them took.
 */
final class TimedLines implements OutputListener {
    private final LongSupplier millis;
    private final List<TimedLine> lines = new ArrayList<>();

    /** Lines stamped with a clock that never steps back ({@link System#nanoTime()}), not the wall clock. */
    TimedLines() {
        this(() -> System.nanoTime() / 1_000_000);
    }

    /** @param millis a monotonic clock in milliseconds */
    TimedLines(LongSupplier millis) {
        this.millis = millis;
    }

    @Override
    public synchronized void line(OutputStreamName stream, String line) {
        lines.add(new TimedLine(millis.getAsLong(), line));
    }

    /** The lines of both streams in the order they arrived. */
    synchronized List<TimedLine> lines() {
        return List.copyOf(lines);
    }
}
