package io.jenkins.plugins.optimizeddeploy.steps;

/** The one line a user sees for a problem with their input, their registry or their build: the step's name once. */
final class UserError {

    private UserError() {
    }

    static String line(String functionName, RuntimeException e) {
        String message = e.getMessage();
        return message.startsWith(functionName + ":") ? message : functionName + ": " + message;
    }
}
