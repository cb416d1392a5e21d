package io.jenkins.plugins.optimizeddeploy.engine.registry;

/** What a request to a registry (or its token server) was for; the traffic counters are kept by kind. */
public enum RequestKind {
    PING("ping"),
    TOKEN("token"),
    MANIFEST_GET("manifest GET"),
    MANIFEST_HEAD("manifest HEAD"),
    MANIFEST_PUT("manifest PUT"),
    MANIFEST_DELETE("manifest DELETE"),
    BLOB_GET("blob GET"),
    BLOB_HEAD("blob HEAD"),
    BLOB_MOUNT("blob mount"),
    BLOB_UPLOAD("blob upload");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /** How reports name it, e.g. {@code manifest PUT}. */
    public String label() {
        return label;
    }
}
