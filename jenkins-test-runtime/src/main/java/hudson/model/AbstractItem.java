// check_stubs: shell
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    private final String name;

    AbstractItem(String name) {
        this.name = name;
    }

    /** The item's name: the runtime's items are all at the top level. */
    public final String getFullName() {
        return name;
    }
}
