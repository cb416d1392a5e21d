package io.jenkins.plugins.optimizeddeploy.engine.metrics;

/**
 * A value now against the same value in an earlier run.
 *
 * @param before   in the earlier run
 * @param after    in this run
 * @param change   {@code after - before}
 * @param relative {@code change / before} (0.25 is 25 % more), null when {@code before} is 0
 */
public record Delta(long before, long after, long change, Double relative) {
    public static Delta of(long before, long after) {
        return new Delta(before, after, after - before, before == 0 ? null : (double) (after - before) / before);
    }
}
