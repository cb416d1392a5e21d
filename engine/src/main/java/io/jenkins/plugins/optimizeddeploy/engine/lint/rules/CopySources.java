package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.dockerfile.Instruction;
import java.util.List;
import java.util.regex.Pattern;

/** The sources and destination of COPY and ADD, heredoc sources left out. */
public final class CopySources {
    private static final Pattern ARCHIVE =
            Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|tzst|gz|bz2|xz|zst)$");
    private static final Pattern REMOTE_URL = Pattern.compile("(?i)^(https?|git|ssh)://.*");

    private CopySources() {
    }

    /** Every argument but the last, unquoted, without heredoc markers ({@code <<EOF}). */
    public static List<String> of(Instruction copy) {
        List<String> args = copy.args();
        return args.isEmpty()
                ? List.of()
                : args.subList(0, args.size() - 1).stream().filter(source -> !source.startsWith("<<"))
                        .map(StageScope::unquoted).toList();
    }

    /** The last argument, unquoted; "" when there is none. */
    static String destination(Instruction copy) {
        return copy.args().isEmpty() ? "" : StageScope.unquoted(copy.args().get(copy.args().size() - 1));
    }

    /** True for an http(s) URL or a git repository, which ADD fetches. */
    public static boolean isRemote(String source) {
        return REMOTE_URL.matcher(source).matches() || source.startsWith("git@");
    }

    /** True for a file name ADD would unpack ({@code app.tar.gz}). */
    public static boolean isArchive(String source) {
        return ARCHIVE.matcher(source).matches();
    }
}
