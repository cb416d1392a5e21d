package io.jenkins.plugins.optimizeddeploy.jenkinsapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = {"hudson", "jenkins", "org.jenkinsci", "org.jvnet.hudson", "com.cloudbees",
        "io.jenkins.plugins.optimizeddeploy.jenkinsapi"}, importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    private static final String[] SHIM_PACKAGES = {"hudson..", "jenkins..", "org.jenkinsci..", "org.jvnet.hudson..",
        "com.cloudbees.."};

    @ArchTest
    static final ArchRule shimBodiesThrow = methods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(SHIM_PACKAGES)
            .and().areDeclaredInClassesThat().areNotEnums()
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(throwUnsupportedOperationException())
            .because("a shim only declares: on Jenkins the real class runs, so no behaviour may live here");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);

    private static ArchCondition<JavaMethod> throwUnsupportedOperationException() {
        return ArchCondition.from(DescribedPredicate.describe("throw UnsupportedOperationException",
                method -> method.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(UnsupportedOperationException.class))));
    }

    /** Only this module's class folders, never a jar on the test class path. */
    static final class ThisModuleOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.isJar();
        }
    }
}
