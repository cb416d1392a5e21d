package io.jenkins.plugins.optimizeddeploy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.engine",
        importOptions = ImportOption.DoNotIncludeJars.class)
class EngineArchitectureTest {
    @ArchTest
    static final ArchRule engineKnowsNothingOfJenkins = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.optimizeddeploy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..")
            .because("the engine runs anywhere: the plugin and the CLI adapt to it, never the other way (DESIGN.md)");

    @ArchTest
    static final ArchRule engineDoesNotReachThePluginOrTheCli = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.optimizeddeploy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jenkins.plugins.optimizeddeploy.steps..", "io.jenkins.plugins.optimizeddeploy.action..",
                    "io.jenkins.plugins.optimizeddeploy.config..", "io.jenkins.plugins.optimizeddeploy.cli..")
            .because("layers go one way only: cli/plugin -> engine (DESIGN.md)");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
