// check_stubs: shell
package hudson.model;

public class Api {
    public Api(Object bean) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
