// check_stubs: shell
package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** The one controller of the runtime, without security: everyone may do everything. */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    private static final Jenkins INSTANCE = new Jenkins();

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        return INSTANCE;
    }
}
