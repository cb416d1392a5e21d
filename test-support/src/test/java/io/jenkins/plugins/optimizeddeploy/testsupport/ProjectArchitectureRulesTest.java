package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProjectArchitectureRulesTest {
    private static final JavaClasses FIXTURES =
            new ClassFileImporter().importPackages("io.jenkins.plugins.optimizeddeploy");

    @Test
    void shouldFindPackageCycles() {
        assertThat(violations(ProjectArchitectureRules.NO_PACKAGE_CYCLES)).contains("CycleRootFixture", "CycleEnd");
    }

    @Test
    void shouldFindPublicTestClassesAndMethods() {
        assertThat(violations(ProjectArchitectureRules.TEST_CLASSES_NOT_PUBLIC)).contains("PublicFixtureTest");
        assertThat(violations(ProjectArchitectureRules.TEST_METHODS_NOT_PUBLIC)).contains("publicTestMethod");
    }

    @Test
    void shouldFindJUnitAssertions() {
        assertThat(violations(ProjectArchitectureRules.ASSERTJ_ONLY))
                .contains("PublicFixtureTest.publicTestMethod()", "org.junit.jupiter.api.Assertions");
    }

    @Test
    void shouldFindAssumptionsOfAssertJAndJUnit() {
        assertThat(violations(ProjectArchitectureRules.NO_ASSUMPTIONS))
                .contains("AssumptionsFixture.skipsWithAssertJ()", "org.assertj.core.api.Assumptions")
                .contains("AssumptionsFixture.skipsWithJUnit()", "org.junit.jupiter.api.Assumptions")
                .doesNotContain("PublicFixtureTest");
    }

    @Test
    void shouldFindDisabledTests() {
        assertThat(violations(ProjectArchitectureRules.NO_DISABLED_TESTS)).contains("DisabledFixture.skipped()");
    }

    @Test
    void shouldFindExceptionsWithoutMessageButNotThoseWithOne() {
        String violations = violations(ProjectArchitectureRules.EXCEPTIONS_CARRY_A_MESSAGE);

        assertThat(violations).contains("ExceptionFixture.withoutMessage()", "ExceptionFixture.withOnlyACause(")
                .doesNotContain("ExceptionFixture.withMessage(");
    }

    @Test
    void shouldFindAComponentTestThatMvnTestWouldRun() {
        String violations = violations(ProjectArchitectureRules.COMPONENT_TESTS_ARE_ITS);

        assertThat(violations).contains("ComponentFixtureTest", "RegistryExtension")
                .doesNotContain("ComponentFixtureIT");
    }

    @Test
    void shouldMarkEveryRuleForArchTestsIn() {
        assertThat(Arrays.stream(ProjectArchitectureRules.class.getFields())
                        .filter(field -> field.getType() == ArchRule.class))
                .hasSize(8)
                .allSatisfy(field -> assertThat(field.isAnnotationPresent(ArchTest.class)).as(field.getName()).isTrue());
    }

    private static String violations(ArchRule rule) {
        return String.join("\n", rule.evaluate(FIXTURES).getFailureReport().getDetails());
    }
}
