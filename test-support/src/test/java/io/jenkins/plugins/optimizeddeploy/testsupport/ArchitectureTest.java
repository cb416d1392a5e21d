package io.jenkins.plugins.optimizeddeploy.testsupport;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.testsupport")
class ArchitectureTest {
    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
