// check_stubs: shell
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result UNSTABLE = new Result(1);

    /** Core's order: SUCCESS 0, UNSTABLE 1, FAILURE 2, NOT_BUILT 3, ABORTED 4. */
    private final int ordinal;

    private Result(int ordinal) {
        this.ordinal = ordinal;
    }

    public boolean isBetterOrEqualTo(Result that) {
        return ordinal <= that.ordinal;
    }
}
