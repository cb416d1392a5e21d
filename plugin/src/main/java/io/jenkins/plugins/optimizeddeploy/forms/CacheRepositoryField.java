package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A descriptor whose form has a {@code repository} field: the repository build caches go under. */
public interface CacheRepositoryField {

    @POST
    default FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.repository(value));
    }
}
