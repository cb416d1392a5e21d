package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Action;

/**
 * The build a job's pages compare with as the baseline, chosen with "Use as baseline" on a build's page; kept with
 * the job's configuration (config.xml), so it outlives the builds' own records.
 */
public final class BaselinePin implements Action {

    private final int build;

    public BaselinePin(int build) {
        this.build = build;
    }

    public int getBuild() {
        return build;
    }

    /** Not shown: the build pages say which build is the baseline. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Optimized Deploy baseline";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
