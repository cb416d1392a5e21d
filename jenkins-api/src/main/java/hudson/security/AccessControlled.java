// check_stubs: shell
package hudson.security;

public interface AccessControlled {
    default void checkPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
