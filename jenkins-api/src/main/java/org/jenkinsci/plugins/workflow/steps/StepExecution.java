package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    @Deprecated
    protected StepExecution() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public abstract boolean start() throws Exception;
}
