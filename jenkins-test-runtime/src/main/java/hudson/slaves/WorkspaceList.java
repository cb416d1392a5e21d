// check_stubs: shell
package hudson.slaves;

import hudson.FilePath;
import java.io.File;

public final class WorkspaceList {
    private WorkspaceList() {
    }

    /** The workspace's sibling {@code <name>@tmp}, as in core. */
    public static FilePath tempDir(FilePath ws) {
        return new FilePath(new File(ws.getRemote() + "@tmp"));
    }
}
