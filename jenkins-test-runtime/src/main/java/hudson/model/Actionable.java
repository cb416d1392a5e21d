// check_stubs: shell
package hudson.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public abstract class Actionable {
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    /** As in core: adds the action unless an equal one is there, and drops the others of its exact class. */
    public boolean addOrReplaceAction(Action a) {
        boolean found = false;
        List<Action> replaced = new ArrayList<>();
        for (Action present : actions) {
            if (!found && a.equals(present)) {
                found = true;
            } else if (present.getClass() == a.getClass()) {
                replaced.add(present);
            }
        }
        actions.removeAll(replaced);
        if (!found) {
            actions.add(a);
            attached(a);
        }
        return !found || !replaced.isEmpty();
    }

    public <T extends Action> T getAction(Class<T> type) {
        for (Action action : actions) {
            if (type.isInstance(action)) {
                return type.cast(action);
            }
        }
        return null;
    }

    /** Called when {@code action} was added, as core's {@code addAction} does. */
    void attached(Action action) {
    }
}
