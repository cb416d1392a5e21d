package io.jenkins.plugins.optimizeddeploy.engine.registry;

import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import java.net.URI;
import java.util.List;

/**
 * A registry operation that failed. It carries what was being done, the HTTP status (0 when no response came),
 * the registry's error codes ({@code MANIFEST_UNKNOWN}, {@code UNAUTHORIZED}...) and the URL with credentials and
 * secret query values removed; the message says all of it.
 */
public class RegistryException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int status;
    private final List<String> errorCodes;
    private final String url;

    RegistryException(String operation, int status, List<String> errorCodes, URI url, String problem,
            Throwable cause) {
        super(message(operation, status, errorCodes, RedactedUrl.of(url), problem), cause);
        this.operation = operation;
        this.status = status;
        this.errorCodes = List.copyOf(errorCodes);
        this.url = RedactedUrl.of(url);
    }

    public RegistryException(String operation, int status, List<String> errorCodes, URI url, String problem) {
        this(operation, status, errorCodes, url, problem, null);
    }

    private static String message(String operation, int status, List<String> errorCodes, String url,
            String problem) {
        StringBuilder message = new StringBuilder(operation).append(" failed: ").append(problem);
        message.append(" (").append(status == 0 ? "no HTTP response" : "HTTP " + status);
        if (!errorCodes.isEmpty()) {
            message.append(", registry error ").append(String.join(", ", errorCodes));
        }
        return message.append(", ").append(url).append(')').toString();
    }

    /** What was being done, e.g. "fetch manifest 127.0.0.1:5000/app:1". */
    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The codes of the registry's JSON error body, in order; empty when it sent none. */
    public List<String> errorCodes() {
        return errorCodes;
    }

    /**
     * Whether the same request may well succeed later: no response came, the response broke off, or the registry
     * answered 408, 429, 500, 502, 503 or 504.
     */
    public boolean isTransient() {
        return RegistryTransport.isRetryable(status) || this instanceof BrokenResponseException;
    }

    /** The URL requested, without user info and with secret-looking query values replaced. */
    public String url() {
        return url;
    }
}
