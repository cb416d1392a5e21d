package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;

/** The digest a backend reports for what it pushed: a tool's output, so a bad one is the build's failure, not bad input. */
public final class PushedDigest {

    private PushedDigest() {
    }

    /**
     * @param where names what reported it ({@code the bake metadata file of …})
     * @throws ImageBuildException naming {@code where} when {@code text} is not a digest
     */
    public static Digest read(String where, String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidReferenceException e) {
            throw new ImageBuildException(where + " gives no valid digest: " + e.getMessage(), e);
        }
    }
}
