package io.jenkins.plugins.optimizeddeploy.symbolindexer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.symbolindexer",
        importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = ProjectArchitectureRules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule testClassesNotPublic = ProjectArchitectureRules.TEST_CLASSES_NOT_PUBLIC;

    @ArchTest
    static final ArchRule testMethodsNotPublic = ProjectArchitectureRules.TEST_METHODS_NOT_PUBLIC;

    @ArchTest
    static final ArchRule assertJOnly = ProjectArchitectureRules.ASSERTJ_ONLY;

    @ArchTest
    static final ArchRule noDisabledTests = ProjectArchitectureRules.NO_DISABLED_TESTS;

    @ArchTest
    static final ArchRule exceptionsCarryAMessage = ProjectArchitectureRules.EXCEPTIONS_CARRY_A_MESSAGE;

    /** Only this module's class folders, never a jar on the test class path. */
    static final class ThisModuleOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.isJar();
        }
    }
}
