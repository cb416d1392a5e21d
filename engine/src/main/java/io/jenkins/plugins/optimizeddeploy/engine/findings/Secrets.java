package io.jenkins.plugins.optimizeddeploy.engine.findings;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.KeyValuePair;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Secrets by name ({@code DB_PASSWORD}, {@code NPM_TOKEN}) and by shape (private keys, AWS access keys, well-known
 * token formats, the password in {@code scheme://user:password@host}), and how reports leave them out: findings
 * name where a secret is, never what it is.
 */
public final class Secrets {
    /** What a report shows instead of a secret. */
    public static final String REDACTED = "<redacted>";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)(_|$)");
    private static final Pattern LOCATION_NAME = Pattern.compile("_(FILE|PATH|DIR|URL|URI|HOST|PORT)$");
    private static final String[] SHAPED_SECRETS = {
        "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----",
        "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b",
        "\\bgh[pousr]_[A-Za-z0-9]{36,}",
        "\\bgithub_pat_[A-Za-z0-9_]{22,}",
        "\\bglpat-[A-Za-z0-9_-]{20,}",
        "\\bxox[abposr]-[A-Za-z0-9-]{10,}",
        "\\bnpm_[A-Za-z0-9]{36}",
        "\\bAIza[0-9A-Za-z_-]{35}",
        "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"};
    /** The password of a URL's user info, unless it refers to a variable ({@code $DB_PASSWORD}). */
    private static final String URL_PASSWORD =
            "(?<=\\b[a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^/\\s:@]{1,256}:)(?!\\$)[^/\\s@]+(?=@)";
    private static final Pattern SECRET_VALUE =
            Pattern.compile(String.join("|", SHAPED_SECRETS) + "|" + URL_PASSWORD);
    /**
     * The same pattern without its last alternative, for text that cannot hold a URL password: the look-behind tries
     * up to some 290 starts at every position, which made redacting the excerpts a quarter of parse + lint.
     */
    private static final Pattern SECRET_VALUE_WITHOUT_URL = Pattern.compile(String.join("|", SHAPED_SECRETS));

    private Secrets() {
    }

    /** True when the name says it holds a secret, and not only where one is ({@code PASSWORD_FILE}, {@code TOKEN_URL}). */
    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_NAME.matcher(upper).find() && !LOCATION_NAME.matcher(upper).find();
    }

    /** True when some part of the value has the shape of a credential. */
    public static boolean looksSecret(String value) {
        return secretValue(value).matcher(value).find();
    }

    /** The text with every secret-shaped part replaced by {@link #REDACTED}. */
    public static String redact(String text) {
        return secretValue(text).matcher(text).replaceAll(REDACTED);
    }

    /** The pattern of secret-shaped text, leaving out the URL password where no {@code ://} precedes an {@code @}. */
    private static Pattern secretValue(String text) {
        int scheme = text.indexOf("://");
        return scheme >= 0 && text.indexOf('@', scheme) >= 0 ? SECRET_VALUE : SECRET_VALUE_WITHOUT_URL;
    }

    /**
     * An instruction's first line as a report quotes it, secrets left out: an ENV, ARG or LABEL (also as an ONBUILD
     * trigger) that sets a secret-named key is written again with that value redacted, since its value may span
     * lines and quotes; then secret-shaped text is redacted.
     */
    public static String excerpt(Instruction instruction, String firstLine) {
        Instruction pairsAt = instruction.onbuildTrigger().orElse(instruction);
        boolean setsSecret = pairsAt.arguments().pairs().stream()
                .anyMatch(pair -> pair.value() != null && !pair.value().isEmpty() && isSecretName(pair.key()));
        if (!setsSecret) {
            return redact(firstLine);
        }
        String pairs = pairsAt.arguments().pairs().stream().map(Secrets::redacted).collect(Collectors.joining(" "));
        String prefix = pairsAt == instruction ? "" : instruction.written().keyword() + " ";
        return redact(prefix + pairsAt.written().keyword() + " " + pairs);
    }

    private static String redacted(KeyValuePair pair) {
        if (pair.value() == null) {
            return pair.key();
        }
        return pair.key() + "=" + (isSecretName(pair.key()) && !pair.value().isEmpty() ? REDACTED : pair.value());
    }
}
