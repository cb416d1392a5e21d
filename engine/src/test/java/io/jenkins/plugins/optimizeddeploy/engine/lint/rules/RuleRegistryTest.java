package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.optimizeddeploy.engine.lint.Rule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule is registered, unique, described, documented and has examples both ways. */
class RuleRegistryTest {
    private static final List<Rule> RULES = RuleRegistry.all();

    @Test
    void shouldRegisterEveryRuleClassOfThePackage() {
        Set<String> ruleClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(RuleRegistry.class.getPackageName()).stream()
                .filter(javaClass -> javaClass.isAssignableTo(Rule.class))
                .filter(javaClass -> !javaClass.getModifiers().contains(JavaModifier.ABSTRACT) && !javaClass.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(RULES).extracting(rule -> rule.getClass().getName()).containsExactlyInAnyOrderElementsOf(ruleClasses);
    }

    @Test
    void shouldHaveAtLeastThirtyRulesWithUniqueIdsInOrder() {
        List<String> ids = RULES.stream().map(Rule::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates().isSorted()
                .allMatch(id -> id.matches("(DL|OD)[0-9]{4}"));
    }

    @Test
    void shouldDescribeEveryRuleInOneSentenceWithAnHttpsDocumentationLink() {
        assertThat(RULES).allSatisfy(rule -> {
            assertThat(rule.message()).as(rule.id()).endsWith(".").doesNotContain("\n");
            assertThat(rule.documentation().getScheme()).as(rule.id()).isEqualTo("https");
            assertThat(rule.documentation().toString()).as(rule.id())
                    .endsWith(rule.id().startsWith("DL") ? rule.id() : "#" + rule.id().toLowerCase());
        });
    }

    @Test
    void shouldHaveFlaggedAndNotFlaggedExamplesForEveryRuleAndNoOther() {
        assertThat(RuleExamples.ALL).extracting(RuleExamples.Example::ruleId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(RULES.stream().map(Rule::id).toList());
        assertThat(RuleExamples.ALL).allSatisfy(example -> {
            assertThat(example.flags()).as(example.ruleId() + " flags").isNotEmpty();
            assertThat(example.doesNotFlag()).as(example.ruleId() + " does not flag").isNotEmpty();
        });
    }

    @Test
    void shouldDocumentEveryRule() {
        String document = RulesDocument.markdown();

        assertThat(RULES).allSatisfy(rule -> assertThat(document).contains("[" + rule.id() + "](" + rule.documentation()
                + ")"));
        assertThat(RULES).filteredOn(rule -> rule.id().startsWith("OD"))
                .allSatisfy(rule -> assertThat(document).contains("### " + rule.id()));
    }
}
