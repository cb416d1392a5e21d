package hudson.util;

import java.util.ArrayList;

/** The real class also implements stapler's HttpResponse (jakarta), which stapler 1.263 cannot declare. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
    }

    public void add(String displayName, String value) {
        add(new Option(displayName, value));
    }

    public ListBoxModel add(String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}
