package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    /** Nothing to check: the runtime's agent and controller are one JVM, without remoting's roles. */
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
    }
}
