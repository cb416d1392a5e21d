package io.jenkins.plugins.optimizeddeploy.action;

import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;

/**
 * A build as the page's history walk sees it: {@link BuildHistory} works on this, so that which builds it loads (and
 * how few) is tested without a Jenkins; {@link RunBuild} is the real one.
 */
interface RecordedBuild {

    int number();

    /** Whether the build ended SUCCESS or UNSTABLE. */
    boolean successful();

    /** The build's metrics record, null when no step of this plugin recorded one. */
    RunMetrics metrics();

    /** The baseline build number the build's record names, 0 when it has no record. */
    int baseline();

    /** The baseline build number chosen for the whole job ("Use as baseline"), 0 when none was. */
    int pinnedBaseline();

    /** The build before this one, loaded only when asked; null for the first. */
    RecordedBuild previous();

    /** Another build of the same job, null when it is gone. */
    RecordedBuild build(int number);
}
