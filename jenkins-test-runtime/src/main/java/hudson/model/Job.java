// check_stubs: shell
package hudson.model;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** A job of a controller whose state lives in memory: its builds are those made for it in this JVM. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    private final TreeMap<Integer, RunT> builds = new TreeMap<>();

    @SuppressWarnings("rawtypes") // the real signature takes a raw ItemGroup
    protected Job(ItemGroup parent, String name) {
        super(name);
    }

    public synchronized RunT getBuildByNumber(int n) {
        return builds.get(n);
    }

    /** Nothing to write: the runtime has no JENKINS_HOME. */
    public synchronized void save() throws IOException {
    }

    public synchronized RunT getLastBuild() {
        Map.Entry<Integer, RunT> last = builds.lastEntry();
        return last == null ? null : last.getValue();
    }

    /** Takes the next build number for {@code build}, as core's {@code assignBuildNumber} does. */
    synchronized int add(RunT build) {
        int number = builds.isEmpty() ? 1 : builds.lastKey() + 1;
        builds.put(number, build);
        return number;
    }

    synchronized RunT before(int number) {
        Map.Entry<Integer, RunT> previous = builds.lowerEntry(number);
        return previous == null ? null : previous.getValue();
    }
}
