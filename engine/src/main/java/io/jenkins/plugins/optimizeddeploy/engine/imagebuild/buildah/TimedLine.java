package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import java.util.Objects;

/** One output line of a builder and when it arrived (milliseconds of the clock that timed it). */
record TimedLine(long arrivedMillis, String line) {
    public TimedLine {
        Objects.requireNonNull(line, "line arrived at " + arrivedMillis);
    }
}
