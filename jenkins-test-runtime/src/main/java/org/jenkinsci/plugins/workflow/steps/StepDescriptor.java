package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    /** The one argument's value when it reads well as text, as in workflow-step-api; else null. */
    public String argumentsToString(Map<String, Object> namedArgs) {
        if (namedArgs.size() != 1) {
            return null;
        }
        Object value = namedArgs.values().iterator().next();
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum ? value.toString() : null;
    }
}
