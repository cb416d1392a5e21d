// check_stubs: shell
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.security.Permission;
import io.jenkins.plugins.optimizeddeploy.jenkinsruntime.CredentialsStore;

/** Finds credentials in the store of the build's job, the one store of the runtime. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final Permission USE_ITEM = null;

    /** Those with the id, if they are of the type: null otherwise, as in the credentials plugin. */
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        return CredentialsStore.of(run.getParent()).find(id, type);
    }

    /** Notes that the build used them. */
    @SuppressWarnings("rawtypes") // the real signature takes a raw Run
    public static <C extends Credentials> C track(Run build, C credentials) {
        CredentialsStore.of(build.getParent()).track(build, credentials);
        return credentials;
    }
}
