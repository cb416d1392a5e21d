// check_stubs: shell
package hudson.model;

import hudson.security.AccessControlled;

/** No one is logged in to the runtime: a step runs as the system, for which core has no User. */
public class User implements AccessControlled {
    private User() {
        // never made: current() has no user to return
    }

    public static User current() {
        return null;
    }

    public String getDisplayName() {
        throw new IllegalStateException("the runtime has no users");
    }
}
