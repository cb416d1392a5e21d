package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.Objects;

/**
 * A here-document of RUN, COPY or ADD ({@code <<EOF ... EOF}).
 *
 * @param name the delimiter word with its quotes removed ({@code EOF} for {@code <<"EOF"})
 * @param content the body as the build sees it: every line up to the delimiter, line terminators kept, with
 *     leading tabs removed from each line when {@code stripTabs} ({@code <<-EOF})
 * @param expand false when any part of the delimiter was quoted, which turns off variable expansion in the body
 * @param stripTabs true for {@code <<-EOF}
 * @param fileDescriptor the number written before {@code <<} ({@code 3<<EOF}), 0 when none
 */
public record Heredoc(String name, String content, boolean expand, boolean stripTabs, int fileDescriptor)
        implements Serializable {

    public Heredoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
