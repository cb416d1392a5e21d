// check_stubs: shell
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(Item context, Class<? extends C> type) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
