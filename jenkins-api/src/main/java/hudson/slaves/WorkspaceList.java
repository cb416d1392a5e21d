// check_stubs: shell
package hudson.slaves;

import hudson.FilePath;

public final class WorkspaceList {
    private WorkspaceList() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
