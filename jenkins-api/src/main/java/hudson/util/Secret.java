package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    Secret(String value) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
