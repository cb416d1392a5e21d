package io.jenkins.plugins.optimizeddeploy.archfixture.cycle;

import io.jenkins.plugins.optimizeddeploy.CycleRootFixture;

/** With {@link CycleRootFixture}, breaks NO_PACKAGE_CYCLES through the project's root package. */
public class CycleEnd {
    CycleRootFixture start;
}
