// check_stubs: shell
package hudson.model;

/** Only named as a type (AbstractProject's type parameter); its real superclass is Run. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
    private AbstractBuild() {
        // no test needs one
    }
}
