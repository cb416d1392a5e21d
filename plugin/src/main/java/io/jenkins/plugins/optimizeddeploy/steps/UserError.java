package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.text.TerminalText;

/** The one line a user sees for a problem with their input, their registry or their build: the step's name once. */
public final class UserError {

    private UserError() {
    }

    public static String line(String functionName, RuntimeException e) {
        return line(functionName, e.getMessage());
    }

    public static String line(String functionName, String message) {
        // the message may quote a Dockerfile or a registry's answer: escaped, it cannot drive a terminal
        String escaped = TerminalText.escape(message);
        return escaped.startsWith(functionName + ":") ? escaped : functionName + ": " + escaped;
    }
}
