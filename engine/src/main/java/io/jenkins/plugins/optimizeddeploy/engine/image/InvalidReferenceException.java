package io.jenkins.plugins.optimizeddeploy.engine.image;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;

/**
 * An image reference, digest or platform that does not follow its grammar. The message names the whole input
 * and the part that is wrong.
 */
public class InvalidReferenceException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    /** For an image reference: the message reads "Invalid image reference 'REF': PROBLEM". */
    public InvalidReferenceException(String reference, String problem) {
        this("image reference", reference, problem);
    }

    InvalidReferenceException(String kind, String input, String problem) {
        super("Invalid " + kind + " '" + input + "': " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The input as it was given. */
    public String input() {
        return input;
    }

    /** What is wrong with the input, without the input: "tag '-rc' must be ...". */
    public String problem() {
        return problem;
    }
}
