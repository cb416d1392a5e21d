package io.jenkins.plugins.optimizeddeploy.symbolindexer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.symbolindexer",
        importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);

    /** Only this module's class folders, never a jar on the test class path. */
    static final class ThisModuleOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.isJar();
        }
    }
}
