package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepOutcomeTest {

    @Test
    void shouldMoveTheFailureLineIntoTheLogWhenTheStepDoesNotPropagateIt() {
        StepOutcome<Map<String, Object>> failed = new StepOutcome<>(Map.of("rolledBack", true),
                List.of("deployImages: web unhealthy"), List.of(), "{}", "deployImages: every service was put back");

        StepOutcome<Map<String, Object>> logged = failed.withFailureLogged();

        assertThat(logged.failure()).isNull();
        assertThat(logged.value()).isEqualTo(failed.value());
        assertThat(logged.log()).containsExactly("deployImages: web unhealthy", "deployImages: every service was put back");
        assertThat(logged.metrics()).isEqualTo("{}");
    }

    @Test
    void shouldLeaveASucceededOutcomeAsItIs() {
        StepOutcome<String> succeeded = new StepOutcome<>("ok", List.of("line"), List.of(), null, null);

        assertThat(succeeded.withFailureLogged()).isEqualTo(succeeded);
    }
}
