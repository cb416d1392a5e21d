package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a base image offers for creating a user and probing health, told from its name. */
enum BaseFamily {
    /** useradd/groupadd; neither curl nor wget unless installed. */
    DEBIAN(Optional.empty()),
    /** busybox adduser/addgroup and wget. */
    ALPINE(Optional.of("wget")),
    /** busybox without adduser: users are lines appended to /etc/passwd and /etc/group; wget. */
    BUSYBOX(Optional.of("wget")),
    /** No shell: only a numeric USER. */
    DISTROLESS(Optional.empty()),
    /** A base the fixer does not know: a numeric USER, which needs no tool. */
    UNKNOWN(Optional.empty());

    private static final Pattern DEBIAN_NAMES =
            Pattern.compile("(^|/)(debian|ubuntu|python|node|openjdk|eclipse-temurin|ruby|golang|php|perl|rust)"
                    + "(:|@|$)|-(bookworm|bullseye|buster|jammy|noble|focal|slim)");
    private static final Pattern ALPINE_NAMES = Pattern.compile("(^|/)alpine(:|@|$)|-alpine|alpine[0-9.]*($|@)");
    private static final Pattern DISTROLESS_NAMES = Pattern.compile("distroless|(^|/)scratch$|chainguard");

    private final Optional<String> httpClient;

    BaseFamily(Optional<String> httpClient) {
        this.httpClient = httpClient;
    }

    /** The HTTP client the base image is known to have, {@code wget} or {@code curl}. */
    Optional<String> httpClient() {
        return httpClient;
    }

    /** The RUN that creates the user and its group, "" when the base has no shell or the fixer does not know it. */
    String userCreation(String name, int uid) {
        switch (this) {
            case DEBIAN:
                return "RUN groupadd --system --gid " + uid + " " + name + " && useradd --system --no-log-init"
                        + " --uid " + uid + " --gid " + name + " --no-create-home --shell /usr/sbin/nologin " + name;
            case ALPINE:
                return "RUN addgroup -S -g " + uid + " " + name + " && adduser -S -D -H -u " + uid + " -G " + name
                        + " -s /sbin/nologin " + name;
            case BUSYBOX:
                return "RUN echo '" + name + ":x:" + uid + ":" + uid + "::/nonexistent:/bin/false' >> /etc/passwd"
                        + " && echo '" + name + ":x:" + uid + ":' >> /etc/group";
            default:
                return "";
        }
    }

    static BaseFamily of(String image, FixOptions options) {
        String name = image.toLowerCase(Locale.ROOT);
        if (DISTROLESS_NAMES.matcher(name).find()) {
            return DISTROLESS;
        }
        if (options.busyboxImages().stream().anyMatch(part -> name.contains(part.toLowerCase(Locale.ROOT)))) {
            return BUSYBOX;
        }
        if (ALPINE_NAMES.matcher(name).find()) {
            return ALPINE;
        }
        return DEBIAN_NAMES.matcher(name).find() ? DEBIAN : UNKNOWN;
    }
}
