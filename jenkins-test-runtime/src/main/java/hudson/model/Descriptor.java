package hudson.model;

/** A descriptor without JENKINS_HOME: its configuration lives as long as the JVM. */
public abstract class Descriptor<T extends Describable<T>> {
    private final Class<? extends T> clazz;

    /** @param clazz the class described, or null for the descriptor itself (as core's {@code self()}) */
    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** For a descriptor nested in the class it describes, as in core. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
        if (clazz == null) {
            throw new AssertionError(getClass() + " doesn't have an outer class. "
                    + "Use the constructor that takes the Class object explicitly.");
        }
    }

    public String getDisplayName() {
        return (clazz == null ? getClass() : clazz).getSimpleName();
    }

    /** Nothing to write: the runtime has no JENKINS_HOME. */
    public synchronized void save() {
    }

    /** Nothing to read: the runtime has no JENKINS_HOME. */
    public synchronized void load() {
    }
}
