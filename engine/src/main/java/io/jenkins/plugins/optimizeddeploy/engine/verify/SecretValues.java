package io.jenkins.plugins.optimizeddeploy.engine.verify;

import java.util.regex.Pattern;

/** Values that look like a credential by their shape: private keys, AWS access keys and well-known token formats. */
final class SecretValues {
    private static final Pattern SECRET = Pattern.compile(String.join("|",
            "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----",
            "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b",
            "\\bgh[pousr]_[A-Za-z0-9]{36,}",
            "\\bgithub_pat_[A-Za-z0-9_]{22,}",
            "\\bglpat-[A-Za-z0-9_-]{20,}",
            "\\bxox[abposr]-[A-Za-z0-9-]{10,}",
            "\\bnpm_[A-Za-z0-9]{36}",
            "\\bAIza[0-9A-Za-z_-]{35}",
            "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));
    static final String REDACTED = "<redacted>";

    private SecretValues() {
    }

    static boolean looksSecret(String value) {
        return SECRET.matcher(value).find();
    }

    /** The text with every secret-looking part replaced, for excerpts that people and logs read. */
    static String redact(String text) {
        return SECRET.matcher(text).replaceAll(REDACTED);
    }
}
