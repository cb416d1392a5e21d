package io.jenkins.plugins.optimizeddeploy.forms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
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
        return items(item, credentialsId, StandardUsernamePasswordCredentials.class);
    }

    /** The credentials of {@code type} the job (or, outside a job, Jenkins) can use, and the current value. */
    static ListBoxModel items(Item item, String current, Class<? extends StandardCredentials> type) {
        if (!FormAccess.mayListCredentials(item)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        return new StandardListBoxModel().includeEmptyValue().include(item, type).includeCurrentValue(current);
    }
}
