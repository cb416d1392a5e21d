package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;

/** A target that could not be built or pushed; the message names the target, the image and what went wrong. */
public final class ImageBuildException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
