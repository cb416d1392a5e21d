package io.jenkins.plugins.optimizeddeploy.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The architecture rules every module checks. Reuse them in a package-private test class:
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.engine")
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
 * }
 * }</pre>
 */
public final class ProjectArchitectureRules {
    private static final String PROJECT_PACKAGE = "io.jenkins.plugins.optimizeddeploy";
    private static final String TEST_ANNOTATIONS = "org.junit.jupiter.api.";
    /** By name: class literals here would make every architecture test depend on them. */
    private static final List<String> REAL_COMPONENTS = List.of("DockerdExtension", "RegistryExtension",
            "BuildahExtension", "HeadlessChromium", "RunningRegistry", "RunningDockerd", "DockerBuildx", "Buildkitd",
            "BuildahStorage", "DeployableImages", "BackgroundProcess", "JavaProcess");

    /**
     * No dependency cycle between the project's packages, its root package included. A package's tests are a slice
     * of their own: a test may drive its package through the entry point that lists every package (the CLI's top
     * command).
     */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(eachProjectPackage())
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("each package is a concern with one direction of use");

    /** Test classes stay package-private: JUnit 5 needs nothing more. */
    @ArchTest
    public static final ArchRule TEST_CLASSES_NOT_PUBLIC = classes()
            .that().haveSimpleNameEndingWith("Test").or().haveSimpleNameEndingWith("Tests")
            .or().haveSimpleNameEndingWith("IT")
            .should().notBePublic()
            .allowEmptyShould(true)
            .because("JUnit 5 test classes need no public modifier");

    /** Test methods stay package-private as well. */
    @ArchTest
    public static final ArchRule TEST_METHODS_NOT_PUBLIC = methods()
            .that().areAnnotatedWith(TEST_ANNOTATIONS + "Test")
            .or().areAnnotatedWith(TEST_ANNOTATIONS + "RepeatedTest")
            .or().areAnnotatedWith(TEST_ANNOTATIONS + "TestFactory")
            .or().areAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
            .should().notBePublic()
            .allowEmptyShould(true)
            .because("JUnit 5 test methods need no public modifier");

    /** Assertions come from AssertJ only: no JUnit or Hamcrest assertions. */
    @ArchTest
    public static final ArchRule ASSERTJ_ONLY = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.Assert")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.hamcrest..", "junit.framework..")
            .because("tests assert with AssertJ");

    /**
     * No test assumes its tools away: no assumptions of AssertJ or JUnit, which turn a missing tool into a skip
     * instead of a failure naming the package to install.
     */
    @ArchTest
    public static final ArchRule NO_ASSUMPTIONS = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.assertj.core.api.Assumptions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.assertj.core.api.BDDAssumptions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.assertj.core.api.WithAssumptions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.Assume")
            .because("a test that cannot run here fails naming the missing package, it is never skipped");

    /** Nothing is disabled: a test that cannot run here must fail, not vanish. */
    @ArchTest
    public static final ArchRule NO_DISABLED_TESTS = CompositeArchRule
            .of(noClasses().should().beAnnotatedWith(TEST_ANNOTATIONS + "Disabled"))
            .and(noMethods().should().beAnnotatedWith(TEST_ANNOTATIONS + "Disabled").allowEmptyShould(true))
            .because("tests run against the real components and are never skipped");

    /**
     * No exception is constructed without a message: constructors of {@link Throwable} subclasses taking no
     * arguments or only a cause are not called.
     */
    @ArchTest
    public static final ArchRule EXCEPTIONS_CARRY_A_MESSAGE = noClasses()
            .should(constructExceptionsWithoutMessage())
            .because("every exception names the input and what is wrong");

    /**
     * A test that starts a real component (dockerd, a registry, buildah, buildkitd, chromium, a JVM), directly or
     * through a
     * helper, is an {@code *IT}: failsafe runs it in {@code mvn verify}, and {@code mvn test} stays a loop of units.
     */
    @ArchTest
    public static final ArchRule COMPONENT_TESTS_ARE_ITS = noClasses()
            .that(areRunByMvnTest())
            .should().transitivelyDependOnClassesThat(startARealComponent())
            .allowEmptyShould(true)
            .because("mvn test runs only unit tests; tests of real components are *IT (README, Tests)");

    private ProjectArchitectureRules() {
    }

    private static SliceAssignment eachProjectPackage() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(PROJECT_PACKAGE) || name.startsWith(PROJECT_PACKAGE + ".")
                        ? SliceIdentifier.of(isMainClass(javaClass) ? name : name + " (tests)")
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of " + PROJECT_PACKAGE + " (its tests apart)";
            }
        };
    }

    private static boolean isMainClass(JavaClass javaClass) {
        return javaClass.getSource()
                .map(source -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
                .orElse(true);
    }

    /** What surefire's default includes pick, by the name of the outermost class (nested classes run with it). */
    private static DescribedPredicate<JavaClass> areRunByMvnTest() {
        return DescribedPredicate.describe("are run by mvn test (named *Test, *Tests or *TestCase)", javaClass -> {
            String outermost = javaClass.getName().replaceFirst("\\$.*", "");
            String simpleName = outermost.substring(outermost.lastIndexOf('.') + 1);
            return simpleName.endsWith("Test") || simpleName.endsWith("Tests") || simpleName.endsWith("TestCase");
        });
    }

    private static DescribedPredicate<JavaClass> startARealComponent() {
        return DescribedPredicate.describe("start a real component (test-support's dockerd, registry, buildah, ...)",
                javaClass -> javaClass.getPackageName().equals(ProjectArchitectureRules.class.getPackageName())
                        && REAL_COMPONENTS.contains(javaClass.getSimpleName()));
    }

    private static ArchCondition<JavaClass> constructExceptionsWithoutMessage() {
        return new ArchCondition<>("construct exceptions without a message") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaConstructorCall call : javaClass.getConstructorCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    List<JavaType> parameters = call.getTarget().getParameterTypes();
                    boolean noMessage = parameters.isEmpty()
                            || parameters.size() == 1 && parameters.get(0).toErasure().isAssignableTo(Throwable.class);
                    if (owner.isAssignableTo(Throwable.class) && noMessage && !isSuperCall(javaClass, call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code super()} from an exception's own constructor: its callers are checked instead. */
    private static boolean isSuperCall(JavaClass caller, JavaConstructorCall call) {
        return call.getOrigin().isConstructor()
                && caller.getRawSuperclass().map(superclass -> superclass.equals(call.getTargetOwner())).orElse(false);
    }
}
