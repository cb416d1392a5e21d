// check_stubs: shell
package hudson.model;

public abstract class Actionable {
    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
