// check_stubs: shell
package hudson;

import java.lang.reflect.InvocationTargetException;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Holds the one instance of each extension a test looked up, made as Jenkins makes it: by its no-arg constructor. */
public class ExtensionList<T> extends AbstractList<T> {
    private static final Map<Class<?>, Object> SINGLETONS = new ConcurrentHashMap<>();

    private final List<T> extensions;

    private ExtensionList(List<T> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public T get(int index) {
        return extensions.get(index);
    }

    @Override
    public int size() {
        return extensions.size();
    }

    public static <U> U lookupSingleton(Class<U> type) {
        return type.cast(SINGLETONS.computeIfAbsent(type, ExtensionList::instantiate));
    }

    private static Object instantiate(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot make the extension " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no no-arg constructor to make it as an extension", e);
        }
    }
}
