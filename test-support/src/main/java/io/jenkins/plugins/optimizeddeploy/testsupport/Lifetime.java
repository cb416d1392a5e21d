package io.jenkins.plugins.optimizeddeploy.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How long a component started by an extension lives. JUnit closes every {@link AutoCloseable} value of a store
 * when the store's context ends, which is what stops the component even when tests fail.
 */
enum Lifetime {
    /** One component for the whole test JVM, shared by every test class that asks for the same kind. */
    TEST_RUN {
        @Override
        ExtensionContext.Store store(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE);
        }
    },
    /** One component for the test class (and its nested classes), stopped after its last test. */
    TEST_CLASS {
        @Override
        ExtensionContext.Store store(ExtensionContext context) {
            return context.getStore(NAMESPACE);
        }
    };

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(Lifetime.class.getName());

    abstract ExtensionContext.Store store(ExtensionContext context);

    interface Starter<T> {
        T start();
    }

    <T extends AutoCloseable> T obtain(ExtensionContext context, Object key, Class<T> type, Starter<T> starter) {
        return store(context).getOrComputeIfAbsent(key, ignored -> starter.start(), type);
    }
}
