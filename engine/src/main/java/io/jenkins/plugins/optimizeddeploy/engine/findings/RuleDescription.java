package io.jenkins.plugins.optimizeddeploy.engine.findings;

import java.net.URI;

/**
 * What a report says about a check: the Dockerfile rules and the checks of a built image share it, so both are
 * reported in the same formats.
 */
public interface RuleDescription {

    /**
     * The check's id: hadolint's ({@code DL3008}) when a rule means exactly what hadolint's means, else
     * {@code OD…}.
     */
    String id();

    /** The severity of the check's findings unless the configuration overrides it. */
    Severity defaultSeverity();

    /** One sentence saying what is wrong and what to do instead. */
    String message();

    /** Where the check is explained. */
    URI documentation();
}
