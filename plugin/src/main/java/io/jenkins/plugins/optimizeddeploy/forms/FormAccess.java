package io.jenkins.plugins.optimizeddeploy.forms;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * Who may ask the forms what: the credentials list and the checks answer only a user who may configure the job, or
 * administer Jenkins on a page outside any job (Manage Jenkins); anyone else gets no information.
 */
public final class FormAccess {

    private FormAccess() {
    }

    /** Whether the user may see which credentials ids {@code item} (null: Jenkins itself) can use. */
    static boolean mayListCredentials(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The problem as a form validation, or OK; OK as well for a user who may not configure {@code item}. */
    public static FormValidation validation(Item item, Optional<String> problem) {
        boolean mayConfigure = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.CONFIGURE);
        return mayConfigure && problem.isPresent() ? FormValidation.error(problem.get()) : FormValidation.ok();
    }

    /** A list to pick from whose first entry, the empty value, leaves the choice to the default. */
    static ListBoxModel choices(String defaultLabel, List<String> values) {
        ListBoxModel model = new ListBoxModel();
        model.add(defaultLabel, "");
        values.forEach(model::add);
        return model;
    }
}
