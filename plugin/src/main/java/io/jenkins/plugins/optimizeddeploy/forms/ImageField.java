package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A descriptor whose form has an {@code image} field: one image reference. */
public interface ImageField {

    @POST
    default FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.image(value));
    }
}
