package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepContext context;

    @Deprecated
    protected StepExecution() {
        this.context = null;
    }

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("you must either pass in a StepContext to the StepExecution constructor "
                    + "or have the StepExecution be created automatically");
        }
        return context;
    }

    public abstract boolean start() throws Exception;
}
