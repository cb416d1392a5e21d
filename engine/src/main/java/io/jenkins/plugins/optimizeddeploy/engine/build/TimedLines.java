package io.jenkins.plugins.optimizeddeploy.engine.build;

import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputListener;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputStreamName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Stamps each output line of a running command with its arrival time, for builders that print cache work without
 * durations (buildah): the time between two lines is the time the work between them took.
 */
final class TimedLines implements OutputListener {
    private final Clock clock;
    private final List<TimedLine> lines = new ArrayList<>();

    TimedLines(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void line(OutputStreamName stream, String line) {
        lines.add(new TimedLine(clock.millis(), line));
    }

    /** The lines of both streams in the order they arrived. */
    synchronized List<TimedLine> lines() {
        return List.copyOf(lines);
    }
}
