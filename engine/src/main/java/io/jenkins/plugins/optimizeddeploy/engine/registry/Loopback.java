package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/** Loopback hosts, the only ones plain HTTP is used with: {@code localhost}, 127.0.0.0/8 and {@code ::1}. */
final class Loopback {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Loopback() {
    }

    /** Whether {@code host} (a registry's {@code host[:port]}, or a bare host, IPv6 bracketed or not) is loopback. */
    static boolean isLoopback(String host) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[")) {
            bare = bare.substring(1, Math.max(1, bare.indexOf(']')));
        } else if (bare.indexOf(':') == bare.lastIndexOf(':') && bare.indexOf(':') >= 0) {
            bare = bare.substring(0, bare.indexOf(':'));
        }
        return bare.equals("localhost") || IPV4_LOOPBACK.matcher(bare).matches() || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
    }
}
