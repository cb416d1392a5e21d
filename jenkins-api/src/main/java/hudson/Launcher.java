// check_stubs: shell
package hudson;

public abstract class Launcher {
    private Launcher() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
