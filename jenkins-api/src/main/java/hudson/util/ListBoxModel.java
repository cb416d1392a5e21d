package hudson.util;

import java.util.ArrayList;

/** The real class also implements stapler's HttpResponse (jakarta), which stapler 1.263 cannot declare. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("compile-only Jenkins API shim");
        }
    }
}
