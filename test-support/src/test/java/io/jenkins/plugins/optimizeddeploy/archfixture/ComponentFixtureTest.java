package io.jenkins.plugins.optimizeddeploy.archfixture;

import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Breaks COMPONENT_TESTS_ARE_ITS: mvn test would start its registry. Never run (surefire excludes archfixture). */
class ComponentFixtureTest {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();

    @Test
    void pushes() {
        registry.hostPort();
    }
}
