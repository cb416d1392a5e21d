package io.jenkins.plugins.optimizeddeploy.jenkinsruntime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = {"hudson", "jenkins", "org.jenkinsci", "org.jvnet.hudson", "com.cloudbees",
        "io.jenkins.plugins.optimizeddeploy.jenkinsruntime"}, importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyJenkinsAndItsLibraries = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                    "org.jvnet.hudson..", "com.cloudbees..", "io.jenkins.plugins.optimizeddeploy.jenkinsruntime..",
                    "io.jenkins.plugins.optimizeddeploy.testsupport..", "com.google.common..", "net.java.sezpoz..",
                    "org.kohsuke.stapler..", "org.junit..", "org.assertj..", "com.tngtech.archunit..", "java..",
                    "javax.annotation.processing..", "javax.lang.model..")
            .because("the runtime stands for Jenkins: it knows nothing of the plugin it runs");

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
