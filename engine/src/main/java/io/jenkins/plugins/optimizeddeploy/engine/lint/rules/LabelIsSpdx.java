package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * DL3054: a label of type {@code spdx} holds no SPDX license identifier ({@code Apache-2.0}, {@code MIT}). As in
 * hadolint, which parses the value as one Cabal {@code LicenseId}: a current id of the SPDX license list, spelled
 * exactly, trailing whitespace allowed; deprecated ids, {@code +}, {@code WITH}, {@code AND}/{@code OR} expressions
 * and {@code LicenseRef-} references are not identifiers.
 */
final class LabelIsSpdx extends LabelValueRule {
    private static final String WEBJAR = "META-INF/resources/webjars/spdx-license-ids/";
    private static final Set<String> LICENSE_IDS = licenseIds();

    LabelIsSpdx(Map<String, LabelType> schema) {
        super("DL3054", "Label is not a valid SPDX identifier.", schema, LabelType.SPDX::equals,
                value -> LICENSE_IDS.contains(withoutTrailingSpace(value)));
    }

    /** The non-deprecated ids of the spdx-license-ids webjar, whose folder is named after its version. */
    private static Set<String> licenseIds() {
        try {
            Properties webjar = new Properties();
            try (InputStream pom = resource("META-INF/maven/org.webjars.npm/spdx-license-ids/pom.properties")) {
                webjar.load(pom);
            }
            try (InputStream ids = resource(WEBJAR + webjar.getProperty("version") + "/index.json")) {
                return Set.copyOf(new ObjectMapper().readValue(ids, new TypeReference<List<String>>() {}));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the SPDX license ids of spdx-license-ids failed", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LabelIsSpdx.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

    /** Cabal's parser skips trailing whitespace as Haskell's {@code isSpace} defines it. */
    private static String withoutTrailingSpace(String value) {
        int end = value.length();
        while (end > 0 && isHaskellSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private static boolean isHaskellSpace(char c) {
        return (c >= '\t' && c <= '\r') || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
