package io.jenkins.plugins.optimizeddeploy.engine.errors;

/** A gate that said no: the message says which gate and why, e.g. the unhealthy services and what runs now. */
public non-sealed class GateFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    public GateFailedException(String message) {
        super(message, null);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.GATE_FAILED;
    }
}
