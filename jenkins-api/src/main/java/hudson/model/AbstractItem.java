// check_stubs: shell
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    AbstractItem() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
