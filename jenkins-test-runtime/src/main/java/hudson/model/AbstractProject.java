// check_stubs: shell
package hudson.model;

/** Only named as a type (BuildStepDescriptor.isApplicable); its real superclass is Job. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
    private AbstractProject() {
        // no test needs one
    }
}
