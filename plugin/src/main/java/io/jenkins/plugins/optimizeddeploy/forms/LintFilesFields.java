package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A descriptor of the Dockerfile lint, whose form names workspace files: {@code file}, {@code files} (one per line),
 * {@code sarif} (the report written) and {@code config} (the hadolint configuration).
 */
public interface LintFilesFields extends WorkspaceFileField {

    @POST
    default FormValidation doCheckFiles(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.workspaceFiles(value));
    }

    @POST
    default FormValidation doCheckSarif(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.workspaceFile(value));
    }

    @POST
    default FormValidation doCheckConfig(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.workspaceFile(value));
    }
}
