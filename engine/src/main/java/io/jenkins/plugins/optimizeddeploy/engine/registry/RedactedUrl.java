package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** A URL fit for messages: no user info, and query values that look like secrets (signed blob URLs) replaced. */
final class RedactedUrl {
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(token|signature|credential|secret|password|key|auth).*");

    private RedactedUrl() {
    }

    static String of(URI url) {
        if (url == null) {
            return "no URL";
        }
        StringBuilder redacted = new StringBuilder();
        if (url.getScheme() != null) {
            redacted.append(url.getScheme()).append("://");
        }
        if (url.getRawAuthority() != null) {
            String authority = url.getRawAuthority();
            redacted.append(authority.substring(authority.lastIndexOf('@') + 1));
        }
        if (url.getRawPath() != null) {
            redacted.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            redacted.append('?').append(redactQuery(url.getRawQuery()));
        }
        return redacted.toString();
    }

    private static String redactQuery(String query) {
        StringBuilder redacted = new StringBuilder();
        for (String parameter : query.split("&", -1)) {
            if (redacted.length() > 0) {
                redacted.append('&');
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            boolean secret = SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
            redacted.append(secret && equals >= 0 ? name + "=REDACTED" : parameter);
        }
        return redacted.toString();
    }
}
