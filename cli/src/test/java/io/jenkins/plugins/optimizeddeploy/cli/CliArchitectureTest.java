package io.jenkins.plugins.optimizeddeploy.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.optimizeddeploy.testsupport.ProjectArchitectureRules;

@AnalyzeClasses(packages = "io.jenkins.plugins.optimizeddeploy.cli")
class CliArchitectureTest {
    private static final String CLI = "io.jenkins.plugins.optimizeddeploy.cli";

    @ArchTest
    static final ArchRule commandsDoNotKnowEachOther = slices()
            .matching(CLI + ".(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(CLI + ".common.."))
            .because("each package holds one command or one family of them (deploy and rollback; harden, parse and"
                    + " verify) over the engine; what they share lives in cli.common");

    @ArchTest
    static final ArchRule sharedOptionsKnowNoCommand = classes()
            .that().resideInAPackage(CLI + ".common..")
            .should().onlyDependOnClassesThat(not(resideInAPackage(CLI + "..")).or(resideInAPackage(CLI + ".common..")))
            .because("the shared options, exit codes and JSON output serve every command and know none of them;"
                    + " only the top command lists the commands");

    @ArchTest
    static final ArchTests projectRules = ArchTests.in(ProjectArchitectureRules.class);
}
