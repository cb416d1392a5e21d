package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import io.jenkins.plugins.optimizeddeploy.engine.exec.Command;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandResult;
import io.jenkins.plugins.optimizeddeploy.engine.exec.CommandRunner;
import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputListener;
import io.jenkins.plugins.optimizeddeploy.engine.exec.ProcessCommandRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The real process runner, keeping every result so a test can say what ran and show its output when it fails. */
public final class RecordingRunner implements CommandRunner {
    private final CommandRunner real = new ProcessCommandRunner();
    private final List<CommandResult> results = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        CommandResult result = real.run(command, listener);
        results.add(result);
        return result;
    }

    public List<CommandResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    public void clear() {
        results.clear();
    }

    /** Every command and its output, for assertion messages. */
    public String transcript() {
        StringBuilder text = new StringBuilder();
        for (CommandResult result : results()) {
            text.append("$ ").append(result.command()).append(" -> ").append(result.exitCode()).append('\n')
                    .append(result.output());
        }
        return text.toString();
    }
}
