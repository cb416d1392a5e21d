package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/**
 * A Dockerfile that Docker would refuse to read. The message names the file, the line and what was expected,
 * e.g. {@code Dockerfile:3: unknown instruction: RUNN}.
 */
public class DockerfileParseException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    public DockerfileParseException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The name of the parsed input, as given to the parser (a path, or {@code Dockerfile}). */
    public String source() {
        return source;
    }

    /** 1-based line where the offending instruction starts, or the last line read when the input ended early. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
