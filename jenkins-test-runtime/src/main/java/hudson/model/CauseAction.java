// check_stubs: shell
package hudson.model;

import jenkins.model.RunAction2;

public class CauseAction implements RunAction2 {
    /** The runtime shows no causes. */
    public CauseAction(Cause c) {
    }

    @Override
    public String getDisplayName() {
        return "Cause";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return "cause";
    }

    @Override
    public void onLoad(Run<?, ?> owner) {
    }

    @Override
    public void onAttached(Run<?, ?> owner) {
    }
}
