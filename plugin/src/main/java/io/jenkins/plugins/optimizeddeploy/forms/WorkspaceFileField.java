package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A descriptor whose form has a {@code file} field: a file of the workspace. */
public interface WorkspaceFileField {

    @POST
    default FormValidation doCheckFile(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.workspaceFile(value));
    }
}
