package io.jenkins.plugins.optimizeddeploy.archfixture;

import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keeps COMPONENT_TESTS_ARE_ITS: named for failsafe. Never run (failsafe excludes archfixture). */
class ComponentFixtureIT {
    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.plain();

    @Test
    void pushes() {
        registry.hostPort();
    }
}
