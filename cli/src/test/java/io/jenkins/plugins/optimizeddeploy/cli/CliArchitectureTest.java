package io.jenkins.plugins.optimizeddeploy.cli;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.cli")
class CliArchitectureTest {
    @ArchTest
    static final ArchTests PROJECT_RULES = ArchTests.in(io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules.class);
}
