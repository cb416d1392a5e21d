package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;

/** The one line a user sees for a problem with their input, their registry or their build: the step's name once. */
final class UserError {

    private UserError() {
    }

    /**
     * @param e an engine exception, or the agent's I/O failing (a full disk): a message that names what went wrong
     *          and never the step
     */
    static String line(String functionName, RuntimeException e) {
        // the message may quote a Dockerfile or a registry's answer: escaped, it cannot drive a terminal
        return functionName + ": " + TerminalText.escape(e.getMessage());
    }
}
