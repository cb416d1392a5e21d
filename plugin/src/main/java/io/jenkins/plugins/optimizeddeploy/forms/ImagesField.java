package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A descriptor whose form has an {@code images} field: image references, separated by commas, spaces or lines. */
public interface ImagesField {

    @POST
    default FormValidation doCheckImages(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.images(value));
    }
}
