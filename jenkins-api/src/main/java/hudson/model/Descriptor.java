package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
