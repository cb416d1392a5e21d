package io.jenkins.plugins.optimizeddeploy.engine.files;

/**
 * What a user-named input is, and the most bytes it may hold. The limits are far above any real file of the kind and
 * low enough that reading and parsing one stays within a second and a few MiB of heap; README.md lists them.
 */
public enum InputKind {
    DOCKERFILE("Dockerfile", 1 << 20),
    LINT_CONFIGURATION("lint configuration", 1 << 20),
    /** The settings of {@code optimized-deploy run}: a few dozen keys. */
    RUN_CONFIGURATION("run configuration", 1 << 20),
    BAKE_FILE("bake file", 1 << 20),
    DOCKER_CONFIG("docker config", 1 << 20),
    /** A CA bundle: Debian's whole ca-certificates.crt is about 220 KiB. */
    CA_CERTIFICATE("CA certificate file", 1 << 20),
    /** A registry password or token read from standard input: cloud tokens and JSON keys are a few KiB. */
    PASSWORD("password", 64 << 10);

    private final String noun;
    private final int maxBytes;

    InputKind(String noun, int maxBytes) {
        this.noun = noun;
        this.maxBytes = maxBytes;
    }

    /** How a message names an input of this kind, e.g. {@code Dockerfile}. */
    public String noun() {
        return noun;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The limit as a person reads it, e.g. {@code 1 MiB}. */
    public String limit() {
        return maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : (maxBytes >> 10) + " KiB";
    }
}
