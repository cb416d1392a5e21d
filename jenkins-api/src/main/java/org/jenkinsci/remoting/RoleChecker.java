// check_stubs: shell
package org.jenkinsci.remoting;

public abstract class RoleChecker {
    private RoleChecker() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
