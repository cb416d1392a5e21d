package io.jenkins.plugins.optimizeddeploy.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Finding;
import io.jenkins.plugins.optimizeddeploy.engine.findings.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class LintValuesTest {

    @Test
    void shouldCompareFindingsAndConfigurationsByValue() {
        EqualsVerifier.forClass(Finding.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(LintConfiguration.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void shouldSurviveSerialization() throws IOException, ClassNotFoundException {
        Finding finding = new Finding("DL3008", Severity.WARNING, "Pin versions.", "a/Dockerfile", 2, 1, "RUN x");
        LintConfiguration configuration = new LintConfiguration(Set.of("DL3008"), Map.of("OD1001", Severity.ERROR),
                FailureThreshold.WARNING, List.of("docker.io"), false);

        assertThat(roundTrip(finding)).isEqualTo(finding);
        assertThat(roundTrip(configuration)).isEqualTo(configuration);
    }

    @Test
    void shouldOrderSeveritiesForThresholds() {
        assertThat(FailureThreshold.WARNING.failsOn(Severity.ERROR)).isTrue();
        assertThat(FailureThreshold.WARNING.failsOn(Severity.WARNING)).isTrue();
        assertThat(FailureThreshold.WARNING.failsOn(Severity.INFO)).isFalse();
        assertThat(FailureThreshold.NONE.failsOn(Severity.ERROR)).isFalse();
        assertThat(Severity.parse(" Style ")).isEqualTo(Severity.STYLE);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
