package io.jenkins.plugins.optimizeddeploy.archfixture;

import org.junit.jupiter.api.Disabled;

/** Breaks NO_DISABLED_TESTS; surefire does not run it (the name does not end with Test). */
class DisabledFixture {
    @Disabled("fixture for ProjectArchitectureRulesTest")
    void skipped() {
        // a rule fixture: the annotation is what matters
    }
}
