// check_stubs: shell
package org.jenkinsci.remoting;

public abstract class RoleChecker {
    private RoleChecker() {
        // no test needs one
    }
}
