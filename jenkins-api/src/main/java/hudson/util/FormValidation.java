// check_stubs: shell
package hudson.util;

import java.io.IOException;

/** The real class also implements stapler's HttpResponse (jakarta), which stapler 1.263 cannot declare. */
public abstract class FormValidation extends IOException {
    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
