package io.jenkins.plugins.optimizeddeploy.engine.registry;

import java.net.URI;
import java.util.List;

/** A response whose body broke off or stalled: the request is worth sending again. */
final class BrokenResponseException extends RegistryException {
    private static final long serialVersionUID = 1L;

    BrokenResponseException(String operation, int status, URI url, String problem, Throwable cause) {
        super(operation, status, List.of(), url, problem, cause);
    }
}
