package io.jenkins.plugins.optimizeddeploy.forms;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A descriptor whose form has a {@code credentialsId} field: a registry login picked from a list. */
public interface CredentialsIdField {

    /** The username/password credentials the job (or, outside a job, Jenkins) can use, and the current value. */
    @POST
    default ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        if (!FormAccess.mayListCredentials(item)) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .include(item, StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(credentialsId);
    }
}
