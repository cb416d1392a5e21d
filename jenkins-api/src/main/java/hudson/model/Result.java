// check_stubs: shell
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result UNSTABLE = null;

    private Result() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
