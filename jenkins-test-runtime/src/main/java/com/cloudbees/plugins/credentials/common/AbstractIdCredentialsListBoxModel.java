// check_stubs: shell
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.CredentialsStore;

/** The options name credentials by their id (the credentials plugin writes a description). */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        if (stream().noneMatch(option -> option.value.isEmpty())) {
            add(0, new Option("- none -", ""));
        }
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(Item context, Class<? extends C> type) {
        CredentialsStore.of(context).ids(type).forEach(id -> add(id, id));
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        if (value == null || value.isEmpty()) {
            return includeEmptyValue();
        }
        if (stream().noneMatch(option -> value.equals(option.value))) {
            // first, after the empty selection if there is one, as in the credentials plugin
            int index = !isEmpty() && get(0).value.isEmpty() ? 1 : 0;
            add(index, new Option("- current -", value));
        }
        return this;
    }
}
