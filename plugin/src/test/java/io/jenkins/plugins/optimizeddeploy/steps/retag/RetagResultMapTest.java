package io.jenkins.plugins.optimizeddeploy.steps.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagOutcome;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResult;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetagResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.retag.RetaggedImage;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetagResultMapTest {
    @Test
    void shouldNameEveryImageFieldAsTheCommandLineJsonDoes() {
        RetagResult moved = new RetagResult(RetagOutcome.MOVED, "", List.of(new RetaggedImage(ImageReference.parse("reg/web:1"),
                Digest.parse("sha256:" + "a".repeat(64)), "application/vnd.oci.image.manifest.v1+json", List.of(ImageReference.parse("reg/web:prod")))),
                List.of(), new TrafficSnapshot(Map.of(), 0), 5);

        assertThat(FieldNames.of(RetagResultMap.outcome(moved).value()))
                .isEqualTo(FieldNames.of(RetagResultFields.of(moved).get("images")))
                .containsExactly("[].digest", "[].image", "[].mediaType", "[].tags");
    }

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
