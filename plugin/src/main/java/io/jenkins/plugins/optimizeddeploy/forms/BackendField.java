package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.util.ListBoxModel;

/** A descriptor whose form has a {@code backend} field: the build backend, picked from a list. */
public interface BackendField {

    default ListBoxModel doFillBackendItems() {
        return FormAccess.choices("Default (Manage Jenkins, else auto)", Choices.backends());
    }
}
