package hudson;

import java.util.TreeMap;

/** As in core: case-insensitive but case-preserving on every platform. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 4320331661987259022L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }
}
