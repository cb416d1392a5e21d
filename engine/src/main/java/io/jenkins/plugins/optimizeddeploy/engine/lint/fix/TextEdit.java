package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replace the characters {@code [startOffset, endOffset)} of a text with {@code replacement}; an insertion when both
 * offsets are equal.
 */
public record TextEdit(int startOffset, int endOffset, String replacement) {

    public TextEdit {
        Objects.requireNonNull(replacement, "replacement");
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("Invalid text edit range " + startOffset + ".." + endOffset);
        }
    }

    static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    /**
     * The text with the edits applied, back to front so that every offset refers to the original text; every
     * character outside the edited ranges is kept. Edits may not overlap, and two insertions may not share an offset
     * (their order would be ambiguous).
     */
    public static String applyAll(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::startOffset).thenComparingInt(TextEdit::endOffset));
        for (int i = 1; i < sorted.size(); i++) {
            TextEdit previous = sorted.get(i - 1);
            TextEdit current = sorted.get(i);
            if (current.startOffset < previous.endOffset || current.startOffset == previous.startOffset) {
                throw new IllegalArgumentException("Overlapping text edits " + previous + " and " + current);
            }
        }
        if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).endOffset > text.length()) {
            throw new IllegalArgumentException("Text edit " + sorted.get(sorted.size() - 1)
                    + " ends after the text's " + text.length() + " characters");
        }
        StringBuilder result = new StringBuilder(text);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            TextEdit edit = sorted.get(i);
            result.replace(edit.startOffset, edit.endOffset, edit.replacement);
        }
        return result.toString();
    }
}
