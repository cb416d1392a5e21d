package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Dockerfile;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Stage;
import java.util.Optional;

/**
 * The image a stage is built on, when it is one: not an earlier stage, not {@code scratch}, and with no variable left
 * unexpanded in it.
 *
 * @param name the reference without tag and digest ({@code docker.io/library/ubuntu} or {@code ubuntu})
 * @param tag the tag, "" when none
 * @param digest the digest, "" when none
 */
record BaseImage(String name, String tag, String digest) {

    /** The image of a stage; empty for {@code scratch}, an earlier stage or an unexpanded variable. */
    static Optional<BaseImage> of(Dockerfile dockerfile, Stage stage) {
        String reference = stage.resolvedBaseImage();
        if (reference.isEmpty() || reference.contains("$") || reference.equalsIgnoreCase("scratch")
                || dockerfile.baseStage(stage).isPresent()) {
            return Optional.empty();
        }
        String digest = "";
        int at = reference.indexOf('@');
        if (at >= 0) {
            digest = reference.substring(at + 1);
            reference = reference.substring(0, at);
        }
        int colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            return Optional.of(new BaseImage(reference.substring(0, colon), reference.substring(colon + 1), digest));
        }
        return Optional.of(new BaseImage(reference, "", digest));
    }
}
