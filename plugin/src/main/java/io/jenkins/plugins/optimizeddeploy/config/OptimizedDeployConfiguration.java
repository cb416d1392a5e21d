package io.jenkins.plugins.optimizeddeploy.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.optimizeddeploy.forms.BackendField;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.FailOnField;
import io.jenkins.plugins.optimizeddeploy.forms.FieldChecks;
import io.jenkins.plugins.optimizeddeploy.forms.FormAccess;
import io.jenkins.plugins.optimizeddeploy.forms.RegistryField;
import jenkins.YesNoMaybe;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The steps' defaults, under Manage Jenkins » System and in a Configuration-as-Code file as
 * {@code unclassified: optimizedDeploy: {registry: ..., credentialsId: ...}}. A blank value is unset. Every setter
 * saves: the form and Configuration as Code bind through the setters only, and neither saves afterwards.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@Symbol("optimizedDeploy")
public class OptimizedDeployConfiguration extends GlobalConfiguration
        implements RegistryField, CredentialsIdField, BackendField, FailOnField {

    private String registry;
    private String credentialsId;
    private String cacheRepository;
    private String defaultBranch;
    private String backend;
    private String failOn;

    public OptimizedDeployConfiguration() {
        load();
    }

    /** The one instance Jenkins holds. */
    public static OptimizedDeployConfiguration get() {
        return ExtensionList.lookupSingleton(OptimizedDeployConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Optimized Deploy";
    }

    /** What the steps take for the arguments they were not given. */
    public StepDefaults defaults() {
        return new StepDefaults(registry, credentialsId, cacheRepository, defaultBranch, backend, failOn);
    }

    public String getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(String registry) {
        String given = unsetIfBlank(registry);
        this.registry = given == null ? null : given.replaceAll("/+$", "");
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = unsetIfBlank(credentialsId);
        save();
    }

    public String getCacheRepository() {
        return cacheRepository;
    }

    @DataBoundSetter
    public void setCacheRepository(String cacheRepository) {
        this.cacheRepository = unsetIfBlank(cacheRepository);
        save();
    }

    public String getDefaultBranch() {
        return defaultBranch;
    }

    @DataBoundSetter
    public void setDefaultBranch(String defaultBranch) {
        this.defaultBranch = unsetIfBlank(defaultBranch);
        save();
    }

    public String getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = unsetIfBlank(backend);
        save();
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = unsetIfBlank(failOn);
        save();
    }

    @Override
    public String defaultFailOnLabel() {
        return "None set (each step's own)";
    }

    /** The cache repository: its field is named for the configuration, not {@code repository} as in the step. */
    @POST
    public FormValidation doCheckCacheRepository(@AncestorInPath Item item, @QueryParameter String value) {
        return FormAccess.validation(item, FieldChecks.repository(value));
    }

    private static String unsetIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
