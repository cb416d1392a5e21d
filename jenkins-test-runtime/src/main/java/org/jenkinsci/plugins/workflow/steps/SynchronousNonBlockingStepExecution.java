package org.jenkinsci.plugins.workflow.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the step on a thread of its own and tells the context how it ended, as workflow-step-api does. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, SynchronousNonBlockingStepExecution.class.getName() + " [#"
                + THREADS.incrementAndGet() + "]");
        thread.setDaemon(true);
        return thread;
    });

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        EXECUTOR.submit(() -> {
            try {
                getContext().onSuccess(run());
            } catch (Throwable e) {
                getContext().onFailure(e);
            }
        });
        return false;
    }
}
