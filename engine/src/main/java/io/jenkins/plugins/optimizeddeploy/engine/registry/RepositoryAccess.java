package io.jenkins.plugins.optimizeddeploy.engine.registry;

/**
 * The access a request asks a token server for. Reading with {@link #PUSH} lets one token serve every request to a
 * repository that is about to be written, instead of one token to read and another to write.
 */
public enum RepositoryAccess {
    PULL("pull"),
    PUSH("pull,push");

    private final String actions;

    RepositoryAccess(String actions) {
        this.actions = actions;
    }

    /** The scope for {@code repository}, e.g. {@code repository:team/web:pull,push}. */
    String scope(String repository) {
        return "repository:" + repository + ":" + actions;
    }
}
