package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/** A metrics record that cannot be read: not JSON, not a record, or written by a newer version. */
public class MetricsRecordException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public MetricsRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public MetricsRecordException(String message) {
        super(message);
    }
}
