// check_stubs: shell
package hudson.model;

import java.util.List;

public class Queue {
    private Queue() {
        // no test needs one
    }

    public interface Task {
    }

    public interface Executable {
    }

    public interface QueueAction extends Action {
        boolean shouldSchedule(List<Action> actions);
    }

    public abstract static class Item extends Actionable {
        private Item() {
            // no test needs one
        }
    }
}
