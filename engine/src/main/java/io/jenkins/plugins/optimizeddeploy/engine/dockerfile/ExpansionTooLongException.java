package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

/**
 * A word whose expansion passes {@link ShellWordExpander#MAX_EXPANDED_LENGTH}. Unlike other lexer errors, which the
 * parser may get round by keeping a word as written, this one ends parsing: it is what an expansion bomb looks like.
 */
final class ExpansionTooLongException extends ShellWordException {
    private static final long serialVersionUID = 1L;

    ExpansionTooLongException(String word) {
        super(word.length() > 80 ? word.substring(0, 80) + "..." : word, "expands to more than "
                + ShellWordExpander.MAX_EXPANDED_LENGTH + " characters, the limit for one word");
    }
}
