package io.jenkins.plugins.optimizeddeploy.cli;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.cli")
class CliArchitectureTest {
    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
