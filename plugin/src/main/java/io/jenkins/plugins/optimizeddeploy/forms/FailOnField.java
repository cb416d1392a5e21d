package io.jenkins.plugins.optimizeddeploy.forms;

import hudson.util.ListBoxModel;

/** A descriptor whose form has a {@code failOn} field: the failure threshold, picked from a list. */
public interface FailOnField {

    /** The label of the empty choice, which keeps the threshold the step takes when none is given. */
    String defaultFailOnLabel();

    default ListBoxModel doFillFailOnItems() {
        return FormAccess.choices(defaultFailOnLabel(), Choices.failOn());
    }
}
