package io.jenkins.plugins.optimizeddeploy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;
import java.net.HttpURLConnection;

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

    /** What a test talks to a server with is its own choice: an independent client checks the engine's. */
    private static final DescribedPredicate<JavaClass> PRODUCTION_CLASSES = DescribedPredicate.describe(
            "are production classes", javaClass -> javaClass.getSource()
                    .map(source -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
                    .orElse(true));

    @ArchTest
    static final ArchRule engineHasOneHttpStack = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.optimizeddeploy.engine..").and(PRODUCTION_CLASSES)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .orShould().dependOnClassesThat().areAssignableTo(HttpURLConnection.class)
            .because("every request goes through engine.http's Apache HttpClient 5 client, which ends a request when"
                    + " its thread is interrupted and owns its connections");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
