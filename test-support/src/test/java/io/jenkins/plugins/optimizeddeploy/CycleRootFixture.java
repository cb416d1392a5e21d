package io.jenkins.plugins.optimizeddeploy;

import io.jenkins.plugins.optimizeddeploy.archfixture.cycle.CycleEnd;

/** With {@link CycleEnd}, breaks NO_PACKAGE_CYCLES through the project's root package. */
public class CycleRootFixture {
    CycleEnd end;
}
