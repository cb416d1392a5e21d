package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.Serializable;
import java.util.Objects;

/**
 * One target tag: the source it was to point at, the digest it pointed at before (null when it did not exist), the
 * digest it points at afterwards as far as the retag knows (null when it does not exist), what happened, and a note
 * explaining anything but a plain move.
 */
public record TagResult(ImageReference target, ImageReference source, Digest previousDigest, Digest digest,
        TagOutcome outcome, String note) implements Serializable {
    public TagResult {
        Objects.requireNonNull(target, "target tag");
        Objects.requireNonNull(source, "source of " + target);
        Objects.requireNonNull(outcome, "outcome of " + target);
        Objects.requireNonNull(note, "note on " + target);
    }
}
