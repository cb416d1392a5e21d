package io.jenkins.plugins.optimizeddeploy.steps.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetagResultMapTest {
    @Test
    void shouldEscapeTerminalControlCharactersInTheLogAndTheFailureLine() {
        RetagResult failed = new RetagResult(RetagOutcome.NOTHING_MOVED,
                "the registry answered 'denied\u001b]0;pwned\u0007'", List.of(), List.of(),
                new TrafficSnapshot(Map.of(), 0), 5);

        StepOutcome<List<Map<String, Object>>> outcome = RetagResultMap.outcome(failed);

        assertThat(outcome.failure())
                .isEqualTo("retagImages: retag: nothing moved: the registry answered 'denied\\x1b]0;pwned\\x07'");
        assertThat(outcome.log()).allSatisfy(line -> assertThat(line).doesNotContain("\u001b", "\u0007"));
    }
}
