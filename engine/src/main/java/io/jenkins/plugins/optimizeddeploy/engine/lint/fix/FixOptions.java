package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.List;
import java.util.Objects;

/**
 * How the fixer writes what it adds.
 *
 * @param uid the uid and gid of the user it creates (default 10001, above any distribution's system range)
 * @param userName the name of that user and its group (default {@code app})
 * @param distrolessUid the numeric user for images without a shell to create one (default 65532, distroless's
 *     {@code nonroot})
 * @param busyboxImages parts of a base image's name that mark a busybox-like image, which has no adduser: the user
 *     is appended to /etc/passwd and /etc/group (default {@code busybox})
 * @param healthchecks false to never add a HEALTHCHECK
 * @param healthcheckPath the HTTP path the added HEALTHCHECK probes on the exposed port (default {@code /})
 */
public record FixOptions(int uid, String userName, int distrolessUid, List<String> busyboxImages,
        boolean healthchecks, String healthcheckPath) {

    public FixOptions {
        if (uid <= 0 || distrolessUid <= 0) {
            throw new BadInputException("The fixer's uids must be above 0 (not root): uid " + uid
                    + ", distroless uid " + distrolessUid);
        }
        Objects.requireNonNull(userName, "userName");
        if (!userName.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new BadInputException("User name '" + userName + "' is not a portable user name");
        }
        busyboxImages = List.copyOf(busyboxImages);
        Objects.requireNonNull(healthcheckPath, "healthcheckPath");
        if (!healthcheckPath.matches("/[A-Za-z0-9._~/-]*")) {
            throw new BadInputException("Health check path '" + healthcheckPath
                    + "' must start with / and hold only letters, digits and . _ ~ / -");
        }
    }

    /** uid 10001, user {@code app}, distroless uid 65532, busybox images named {@code busybox}, health checks on /. */
    public static FixOptions defaults() {
        return new FixOptions(10001, "app", 65532, List.of("busybox"), true, "/");
    }

    public FixOptions withUid(int newUid) {
        return new FixOptions(newUid, userName, distrolessUid, busyboxImages, healthchecks, healthcheckPath);
    }

    public FixOptions withHealthcheckPath(String path) {
        return new FixOptions(uid, userName, distrolessUid, busyboxImages, healthchecks, path);
    }

    public FixOptions withBusyboxImages(List<String> parts) {
        return new FixOptions(uid, userName, distrolessUid, parts, healthchecks, healthcheckPath);
    }

    public FixOptions withHealthchecks(boolean enabled) {
        return new FixOptions(uid, userName, distrolessUid, busyboxImages, enabled, healthcheckPath);
    }
}
