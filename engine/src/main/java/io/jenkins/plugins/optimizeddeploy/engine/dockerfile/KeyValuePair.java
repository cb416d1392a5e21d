package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.Objects;

/**
 * One {@code key=value} of ENV, LABEL or ARG, with quotes and escapes removed as Docker removes them when it
 * runs the instruction; variable references ({@code $VAR}, {@code ${VAR:-x}}) are kept as written.
 * {@code value} is null only for an ARG declared without a default ({@code ARG VERSION}).
 */
public record KeyValuePair(String key, String value) implements Serializable {

    public KeyValuePair {
        Objects.requireNonNull(key, "key");
    }

    /** False for an ARG without a default value. */
    public boolean hasValue() {
        return value != null;
    }
}
