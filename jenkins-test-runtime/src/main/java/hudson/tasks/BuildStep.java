// check_stubs: shell
package hudson.tasks;

/** Its abstract members are implemented by Builder's real superclass, BuildStepCompatibilityLayer. */
public interface BuildStep {
}
