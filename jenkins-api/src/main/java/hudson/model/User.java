// check_stubs: shell
package hudson.model;

import hudson.security.AccessControlled;

public class User implements AccessControlled {
    private User() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static User current() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
