package hudson.model;

import hudson.Extension;
import hudson.ExtensionList;
import java.lang.reflect.Modifier;
import java.util.Arrays;

public interface Describable<T extends Describable<T>> {
    /** The descriptor extension nested in this class, where a plugin declares it; core finds it by its class. */
    @SuppressWarnings("unchecked")
    default Descriptor<T> getDescriptor() {
        return Arrays.stream(getClass().getDeclaredClasses())
                .filter(nested -> Descriptor.class.isAssignableFrom(nested) && nested.isAnnotationPresent(Extension.class)
                        && !Modifier.isAbstract(nested.getModifiers()))
                .findFirst()
                .map(descriptor -> (Descriptor<T>) ExtensionList.lookupSingleton(descriptor))
                .orElseThrow(() -> new AssertionError(getClass() + " is missing its descriptor"));
    }
}
