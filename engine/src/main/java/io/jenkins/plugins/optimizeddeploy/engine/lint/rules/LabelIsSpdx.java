package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** DL3054: a label of type {@code spdx} holds no SPDX license identifier ({@code Apache-2.0}, {@code MIT}). */
final class LabelIsSpdx extends LabelValueRule {
    private static final Set<String> LICENSE_IDS = licenseIds();

    LabelIsSpdx(Map<String, LabelType> schema) {
        super("DL3054", "Label is not a valid SPDX identifier.", schema, LabelType.SPDX::equals,
                LICENSE_IDS::contains);
    }

    private static Set<String> licenseIds() {
        try (InputStream in = LabelIsSpdx.class.getResourceAsStream("spdx-license-ids.txt")) {
            if (in == null) {
                throw new IllegalStateException("spdx-license-ids.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the SPDX license identifiers failed", e);
        }
    }
}
