// check_stubs: shell
package hudson.security;

public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
