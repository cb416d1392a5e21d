package io.jenkins.plugins.optimizeddeploy.engine.lint;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a label's value must be in a {@code label-schema} (hadolint's names: {@code hash} for a git hash). */
public enum LabelType {
    EMAIL("email"),
    HASH("hash"),
    TEXT("text"),
    RFC3339("rfc3339"),
    SEMVER("semver"),
    SPDX("spdx"),
    URL("url");

    private final String label;

    LabelType(String label) {
        this.label = label;
    }

    /** The name used in {@code .hadolint.yaml}. */
    public String label() {
        return label;
    }

    /**
     * The type named in a configuration; an empty name is {@link #TEXT}, as in hadolint.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    public static LabelType parse(String name) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return TEXT;
        }
        for (LabelType type : values()) {
            if (type.label.equals(trimmed)) {
                return type;
            }
        }
        throw new BadInputException("Unknown label type '" + name + "': expected one of "
                + Arrays.stream(values()).map(LabelType::label).collect(Collectors.joining(", ")));
    }
}
