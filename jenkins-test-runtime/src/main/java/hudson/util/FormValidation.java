// check_stubs: shell
package hudson.util;

import java.io.IOException;

/** The real class also implements stapler's HttpResponse (jakarta), which stapler 1.263 cannot declare. */
public abstract class FormValidation extends IOException {
    /** What a form shows: "ERROR: message" as core's toString writes it. */
    public static FormValidation error(String message) {
        return new Outcome("ERROR", message);
    }

    public static FormValidation ok() {
        return new Outcome("OK", null);
    }

    private static final class Outcome extends FormValidation {
        private static final long serialVersionUID = 1L;

        private final String kind;
        private final String message;

        Outcome(String kind, String message) {
            this.kind = kind;
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String toString() {
            return kind + ": " + message;
        }
    }
}
