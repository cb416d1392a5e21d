package io.jenkins.plugins.optimizeddeploy.engine.exec;

/** Which of a process's output streams a line came from. */
public enum OutputStreamName {
    STDOUT,
    STDERR
}
