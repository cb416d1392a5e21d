package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;

/**
 * Where an instruction sits in the Dockerfile text. Lines and columns are 1-based; columns count UTF-16
 * characters, as editors and SARIF do. The end is exclusive: {@code endColumn} is the column just after the
 * last character of the instruction's last line (its line terminator excluded), so
 * {@code text.substring(startOffset, endOffset)} is the instruction's original text, continuation lines,
 * comments inside it and heredoc bodies included.
 */
public record SourceSpan(int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset)
        implements Serializable {

    public SourceSpan {
        if (startLine < 1 || endLine < startLine || startColumn < 1 || endColumn < 1 || startOffset < 0
                || endOffset < startOffset) {
            throw new IllegalArgumentException("Invalid source span: lines " + startLine + ".." + endLine
                    + ", columns " + startColumn + ".." + endColumn + ", offsets " + startOffset + ".." + endOffset);
        }
    }
}
