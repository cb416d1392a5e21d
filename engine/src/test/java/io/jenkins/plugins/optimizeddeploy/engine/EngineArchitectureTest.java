package io.jenkins.plugins.optimizeddeploy.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    private static final String ENGINE = "io.jenkins.plugins.optimizeddeploy.engine";

    @ArchTest
    static final ArchRule engineKnowsNothingOfJenkins = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.optimizeddeploy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..")
            .because("the engine runs anywhere: the plugin and the CLI adapt to it, never the other way (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule engineDoesNotReachThePluginOrTheCli = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.optimizeddeploy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jenkins.plugins.optimizeddeploy.steps..", "io.jenkins.plugins.optimizeddeploy.action..",
                    "io.jenkins.plugins.optimizeddeploy.config..", "io.jenkins.plugins.optimizeddeploy.cli..")
            .because("layers go one way only: cli/plugin -> engine (docs/ARCHITECTURE.md)");

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
    static final ArchRule buildBackendsDoNotKnowEachOther = slices()
            .matching(ENGINE + ".imagebuild.(*)..")
            .should().notDependOnEachOther()
            .because("docker, buildah and buildx each hold their own arguments, output parser and local cache;"
                    + " what they share lives in imagebuild");

    @ArchTest
    static final ArchRule findingsKnowNeitherLintNorVerify = noClasses()
            .that().resideInAPackage(ENGINE + ".findings..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".lint..", ENGINE + ".verify..")
            .because("findings, thresholds and report formats are shared by the linter and the image checks");

    @ArchTest
    static final ArchRule cacheKnowsNoBuildBackend = noClasses()
            .that().resideInAPackage(ENGINE + ".cache..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".imagebuild..")
            .because("a cache plan says where caches are; each backend turns it into its own flags");

    @ArchTest
    static final ArchRule bakeFilesKnowNothingOfBuilding = noClasses()
            .that().resideInAPackage(ENGINE + ".bake..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".imagebuild..")
            .because("a bake file is read and evaluated as buildx does, whoever builds it");

    @ArchTest
    static final ArchRule registryVerbsKnowNoCaller = noClasses()
            .that().resideInAPackage(ENGINE + ".registry..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".retag..", ENGINE + ".inspect..",
                    ENGINE + ".imagebuild..", ENGINE + ".deploy..", ENGINE + ".verify..")
            .because("retag, inspect, build, deploy and verify use the registry client, never the other way");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
