package io.jenkins.plugins.optimizeddeploy.archfixture;

import static org.assertj.core.api.Assumptions.assumeThat;

/** Breaks NO_ASSUMPTIONS; surefire does not run it (the name does not end with Test). */
class AssumptionsFixture {
    void skipsWithAssertJ() {
        assumeThat(System.getenv("PATH")).isNotNull();
    }

    void skipsWithJUnit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PATH") != null);
    }
}
