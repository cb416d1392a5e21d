package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SourceSpan is left out: its constructor refuses the zeros EqualsVerifier builds it with. */
class ModelEqualityTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {Dockerfile.class, Stage.class, Instruction.class, Instruction.Flags.class,
            Instruction.Arguments.class, Instruction.Written.class, KeyValuePair.class, Heredoc.class,
            ParserDirective.class, ParsedDockerfileView.class})
    void shouldCompareByValue(Class<?> type) {
        SourceSpan one = new SourceSpan(1, 1, 1, 2, 0, 1);
        SourceSpan two = new SourceSpan(2, 1, 3, 4, 5, 9);
        Instruction run = DockerfileParser.parse("FROM a\nRUN x").instructions().get(1);
        Instruction from = DockerfileParser.parse("FROM b").instructions().get(0);
        EqualsVerifier.forClass(type)
                .withPrefabValues(SourceSpan.class, one, two)
                .withPrefabValues(Instruction.class, run, from)
                .withPrefabValues(List.class, List.of("a"), List.of("b"))
                .suppress(Warning.NULL_FIELDS)
                .verify();
    }
}
