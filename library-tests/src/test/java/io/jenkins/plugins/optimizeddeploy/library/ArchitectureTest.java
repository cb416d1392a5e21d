package io.jenkins.plugins.optimizeddeploy.library;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

/** The project's rules on this module's test classes (never a jar on the test class path). */
@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.library", importOptions = ImportOption.DoNotIncludeJars.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
