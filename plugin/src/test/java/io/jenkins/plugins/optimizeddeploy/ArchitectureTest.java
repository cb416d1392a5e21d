package io.jenkins.plugins.optimizeddeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;
import java.util.Set;
import java.util.regex.Pattern;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy", importOptions = ArchitectureTest.PluginClassesOnly.class)
class ArchitectureTest {

    private static final String ENGINE = "io.jenkins.plugins.optimizeddeploy.engine";
    /** The engine's public face: one package per concern (engine.image, engine.registry, ...), no deeper. */
    private static final Pattern ENGINE_FACE = Pattern.compile(Pattern.quote(ENGINE) + "\\.[a-z]+");
    /**
     * The lint concern's face lies one level down: its rule list and its report formats are what the CLI uses too,
     * and nothing else of those packages may be reached.
     */
    private static final Set<String> ENGINE_ENTRY_POINTS = Set.of(ENGINE + ".lint.rules.RuleRegistry",
            ENGINE + ".lint.report.LintOutputFormat", ENGINE + ".lint.fix.DockerfileFixer",
            ENGINE + ".lint.fix.FixOptions", ENGINE + ".lint.fix.FixResult");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);

    @ArchTest
    static final ArchRule stepsUseOnlyThePublicApiOfTheEngine = classes()
            .that().resideInAPackage("..optimizeddeploy.steps..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(engineClasses()).or(publicEngineApi()))
            .because("the plugin is a thin adapter: it reaches the engine only through its public types (DESIGN.md)");

    @ArchTest
    static final ArchRule formsAndDefaultsKnowNoStepOrBuildStep = noClasses()
            .that().resideInAnyPackage("..optimizeddeploy.forms..", "..optimizeddeploy.config..")
            .should().dependOnClassesThat().resideInAnyPackage("..optimizeddeploy.steps..",
                    "..optimizeddeploy.builders..")
            .because("steps and build steps use the forms and the defaults, one way (DESIGN.md: builders over steps,"
                    + " config below both)");

    private static DescribedPredicate<JavaClass> engineClasses() {
        return DescribedPredicate.describe("are engine classes",
                type -> type.getPackageName().startsWith(ENGINE));
    }

    private static DescribedPredicate<JavaClass> publicEngineApi() {
        return DescribedPredicate.describe("are public types of an engine concern package, or its named entry points",
                type -> type.getModifiers().contains(JavaModifier.PUBLIC)
                        && (ENGINE_FACE.matcher(type.getPackageName()).matches()
                        || ENGINE_ENTRY_POINTS.contains(type.getName())));
    }

    /** The engine and test-support check their own classes; here only the plugin's are judged. */
    static final class PluginClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/optimizeddeploy/engine/") && !location.contains("/optimizeddeploy/testsupport/");
        }
    }
}
