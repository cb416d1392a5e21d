package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 4320331661987259022L;

    public EnvVars() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
