package hudson.util;

import java.io.Serializable;

/** Holds the plain text: the runtime has no controller key to encrypt it with. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    /** Null becomes the empty secret, as in core. */
    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public String getPlainText() {
        return value;
    }

    /** Never the plain text: core writes the encrypted form. */
    @Override
    public String toString() {
        return "Secret[****]";
    }
}
