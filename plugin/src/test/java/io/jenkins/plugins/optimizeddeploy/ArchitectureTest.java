package io.jenkins.plugins.optimizeddeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy", importOptions = ArchitectureTest.PluginClassesOnly.class)
class ArchitectureTest {

    private static final String PLUGIN = "io.jenkins.plugins.optimizeddeploy";
    private static final String ENGINE = PLUGIN + ".engine";
    /**
     * The engine's public face: one package per concern (engine.image, engine.registry, ...), the build backends'
     * settings (engine.imagebuild.buildah, ...), the registry's credentials (engine.registry.auth) and the entry
     * point of a build ({@code engine.BakeImages}).
     */
    private static final Pattern ENGINE_FACE =
            Pattern.compile(Pattern.quote(ENGINE) + "(\\.[a-z]+|\\.imagebuild\\.[a-z]+|\\.registry\\.auth)?");
    /**
     * The lint concern's face lies one level down: its rule list and its fixer are what the CLI uses too,
     * and nothing else of those packages may be reached.
     */
    private static final Set<String> ENGINE_ENTRY_POINTS = Set.of(ENGINE + ".lint.rules.RuleRegistry",
            ENGINE + ".lint.fix.DockerfileFixer",
            ENGINE + ".lint.fix.FixOptions", ENGINE + ".lint.fix.FixResult");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);

    @ArchTest
    static final ArchRule stepsUseOnlyThePublicApiOfTheEngine = classes()
            .that().resideInAPackage("..optimizeddeploy.steps..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(engineClasses()).or(publicEngineApi()))
            .because("the plugin is a thin adapter: it reaches the engine only through its public types"
                    + " (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule stepExecutionsAreNestedInTheirStep = classes()
            .that().areAssignableTo(PLUGIN + ".steps.AgentStepWork")
            .and().doNotHaveFullyQualifiedName(PLUGIN + ".steps.AgentStepWork")
            .should().beNestedClasses().andShould().haveSimpleName("Execution")
            .because("a step's execution, like its descriptor, is read with the step it runs (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule formsAndDefaultsKnowNoStepOrBuildStep = noClasses()
            .that().resideInAnyPackage("..optimizeddeploy.forms..", "..optimizeddeploy.config..")
            .should().dependOnClassesThat().resideInAnyPackage("..optimizeddeploy.steps..",
                    "..optimizeddeploy.builders..")
            .because("steps and build steps use the forms and the defaults, one way: builders over steps,"
                    + " config below both (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule agentCallablesBringBackOnlyJdkOrPluginTypes = classes()
            .that().areAssignableTo("jenkins.MasterToSlaveFileCallable")
            .or().areAssignableTo("jenkins.security.MasterToSlaveCallable")
            .should(declareOnlyJdkOrPluginTypeArguments())
            .because("core's class filter (JEP-200) refuses on the controller what an agent sends back from a jar"
                    + " without a plugin manifest, such as the engine's (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule processesStartOnlyThroughTheStepsLauncher = noClasses()
            .that(DescribedPredicate.describe("are main classes", (JavaClass type) -> type.getSource()
                    .map(source -> !source.getUri().toString().contains("/test-classes/")).orElse(true)))
            .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(ENGINE + ".exec.ProcessCommandRunner")
            .because("container(), withEnv, tool and withDockerServer apply to processes the step context's Launcher"
                    + " starts, as they do to sh");

    /**
     * Every type argument on the way from the class up to its callable base class (its return type, and what a
     * subclass fills in for a base class's type variable) is a JDK type or one of this plugin's.
     */
    private static ArchCondition<JavaClass> declareOnlyJdkOrPluginTypeArguments() {
        return new ArchCondition<>("declare only JDK or plugin-jar types as the type arguments of their superclasses") {
            @Override
            public void check(JavaClass callable, ConditionEvents events) {
                Optional<JavaType> superclass = callable.getSuperclass();
                while (superclass.isPresent()) {
                    for (JavaClass argument : typeArguments(superclass.get())) {
                        boolean allowed = argument.getPackageName().startsWith("java.")
                                || argument.getPackageName().startsWith(PLUGIN) && !argument.getPackageName()
                                        .startsWith(ENGINE);
                        events.add(new SimpleConditionEvent(callable, allowed, callable.getName() + " extends "
                                + superclass.get().getName() + ", whose type argument " + argument.getName()
                                + (allowed ? " is" : " is not") + " a JDK or plugin-jar type"));
                    }
                    superclass = superclass.get().toErasure().getSuperclass();
                }
            }
        };
    }

    /** The classes named in a type's arguments, nested ones included; type variables are filled in by subclasses. */
    private static List<JavaClass> typeArguments(JavaType type) {
        List<JavaClass> classes = new ArrayList<>();
        if (type instanceof JavaParameterizedType parameterized) {
            for (JavaType argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof JavaParameterizedType || argument instanceof JavaClass) {
                    classes.add(argument.toErasure());
                }
                classes.addAll(typeArguments(argument));
            }
        }
        return classes;
    }

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
