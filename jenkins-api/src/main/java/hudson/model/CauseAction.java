// check_stubs: shell
package hudson.model;

import jenkins.model.RunAction2;

public class CauseAction implements RunAction2 {
    public CauseAction(Cause c) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public void onLoad(Run<?, ?> owner) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    @Override
    public void onAttached(Run<?, ?> owner) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
