package io.jenkins.plugins.optimizeddeploy.engine.cache;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A cache read after the primary one, in the order given. The branch's own cache is the primary (it is written on
 * every build of the branch), so {@code branch} names it only to keep it first when listed.
 */
public enum CacheFallback {
    /** The target's primary cache, i.e. the branch's own; always read first whether listed or not. */
    BRANCH("branch"),
    /** The target's cache of the default branch: a new branch starts warm from it. */
    DEFAULT_BRANCH("default-branch"),
    /** A cache folder on the agent ({@code local}): read when no registry cache has been written, written every build. */
    LOCAL("local");

    private final String id;

    CacheFallback(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code branch}, {@code default-branch} or {@code local}, in any case. */
    public static CacheFallback parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(fallback -> fallback.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new BadInputException("Unknown cache fallback '" + id + "' (known: "
                        + Arrays.stream(values()).map(CacheFallback::id).collect(Collectors.joining(", ")) + ")"));
    }
}
