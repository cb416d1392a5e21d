package io.jenkins.plugins.optimizeddeploy.engine.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import io.jenkins.plugins.optimizeddeploy.testsupport.PlainValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetagResultFieldsTest {
    private static final ImageReference SOURCE = ImageReference.parse("reg.example.com/web:1");
    private static final ImageReference PROD = ImageReference.parse("reg.example.com/web:prod");
    private static final ImageReference LATEST = ImageReference.parse("reg.example.com/web:latest");
    private static final Digest NEW = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest OLD = Digest.parse("sha256:" + "b".repeat(64));
    private static final RetagResult MOVED = new RetagResult(RetagOutcome.MOVED, "",
            List.of(new RetaggedImage(SOURCE, NEW, "application/vnd.oci.image.manifest.v1+json", List.of(PROD, LATEST))),
            List.of(new TagResult(PROD, SOURCE, OLD, NEW, TagOutcome.MOVED, ""),
                    new TagResult(LATEST, SOURCE, null, NEW, TagOutcome.MOVED, "")),
            new TrafficSnapshot(Map.of(), 0), 5);

    @Test
    void shouldWriteReferencesAndDigestsAsTheirCanonicalText() {
        assertThat(RetagResultFields.of(MOVED).get("tags")).asList().containsExactly(
                Map.of("target", "reg.example.com/web:prod", "source", "reg.example.com/web:1",
                        "previousDigest", OLD.toString(), "digest", NEW.toString(), "outcome", "MOVED", "note", ""),
                Map.of("target", "reg.example.com/web:latest", "source", "reg.example.com/web:1",
                        "previousDigest", "", "digest", NEW.toString(), "outcome", "MOVED", "note", ""));
        assertThat(RetagResultFields.images(MOVED)).containsExactly(Map.of("image", "reg.example.com/web:1",
                "digest", NEW.toString(), "mediaType", "application/vnd.oci.image.manifest.v1+json",
                "tags", List.of("reg.example.com/web:prod", "reg.example.com/web:latest")));
    }

    @Test
    void shouldWriteATagThatNoLongerExistsWithAnEmptyDigest() {
        RetagResult putBack = new RetagResult(RetagOutcome.NOTHING_MOVED, "the registry refused", List.of(),
                List.of(new TagResult(LATEST, SOURCE, null, null, TagOutcome.REMOVED, "")),
                new TrafficSnapshot(Map.of(), 0), 5);

        assertThat(RetagResultFields.of(putBack).get("tags")).asList().singleElement()
                .isEqualTo(Map.of("target", "reg.example.com/web:latest", "source", "reg.example.com/web:1",
                        "previousDigest", "", "digest", "", "outcome", "REMOVED", "note", ""));
    }

    @Test
    void shouldHoldOnlyValuesAPipelineScriptCanBeGiven() {
        PlainValues.requirePlain(RetagResultFields.of(MOVED));
    }
}
