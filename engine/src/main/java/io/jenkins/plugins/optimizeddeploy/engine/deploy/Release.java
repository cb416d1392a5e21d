package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Several services of one target deployed as one: all at once, each behind its health gate (the platform's health,
 * then its HTTP check if it has one); when any fails, every service goes back to the image it ran before, and the
 * result says which failed and why. A lock on the target keeps a second release waiting until the first is done;
 * every service's outcome is appended to the history.
 */
public final class Release {
    /** How long stopped deploy threads get to end (each stops at its next look at the platform). */
    private static final Duration WORK_END = Duration.ofMinutes(1);
    private final DeployTarget target;
    private final DeployHistory history;
    private final Duration lockTimeout;
    private final HttpProbe probe = new HttpProbe();

    /** Locks go into {@code locks/} beside the history file: the state folder. */
    public Release(DeployTarget target, DeployHistory history, Duration lockTimeout) {
        this.target = target;
        this.history = history;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Deploys every service, or puts every one back.
     *
     * @param timeout how long each service may take to be healthy, and then to be put back
     * @param by who runs it (a user, a build), for the history and for a deploy that waits for the lock
     * @throws TargetBusyException when another release held the target longer than the lock timeout
     */
    public ReleaseResult run(Action action, List<ServiceDeploy> services, Duration timeout, String by)
            throws InterruptedException {
        requireDistinct(services);
        Path locks = history.file().getParent().resolve("locks");
        String holder = action.name().toLowerCase() + " by " + by + " (pid " + ProcessHandle.current().pid() + ")";
        try (TargetLock lock = TargetLock.acquire(locks, target.identity(), holder, lockTimeout)) {
            Map<String, Optional<ImageReference>> before = new LinkedHashMap<>();
            for (ServiceDeploy service : services) {
                before.put(service.service(), target.running(service.service()));
            }
            Instant deadline = Instant.now().plus(timeout);
            Instant started = Instant.now();
            List<Attempt> attempts;
            boolean stopped = false;
            try {
                attempts = attemptAll(action, services, deadline, started);
            } catch (InterruptedException e) {
                // stopped (a cancelled build, SIGTERM): whatever moved goes back before the interrupt is passed on
                stopped = true;
                attempts = services.stream().map(service -> new Attempt(service, started, null, Outcome.FAILED,
                        "the " + action.name().toLowerCase() + " was stopped")).toList();
            }
            boolean rollBack = attempts.stream().anyMatch(attempt -> attempt.outcome() != Outcome.HEALTHY);
            if (rollBack) {
                Instant undoDeadline = Instant.now().plus(timeout);
                attempts = inParallel(attempts, attempt -> () -> undo(attempt,
                        before.get(attempt.deploy().service()), undoDeadline));
            }
            List<ServiceResult> results = new ArrayList<>();
            List<DeployRecord> records = new ArrayList<>();
            for (Attempt attempt : attempts) {
                String service = attempt.deploy().service();
                Optional<ImageReference> from = before.get(service);
                ImageReference to = attempt.deploy().image();
                results.add(new ServiceResult(service, from.orElse(null), to, attempt.outcome(),
                        attempt.healthyAfterMillis(), attempt.reason(), runningNow(service)));
                records.add(DeployRecord.builder(target.identity(), service, action)
                        .images(from.orElse(null), to)
                        .ended(attempt.started(), attempt.healthyAfterMillis(), attempt.outcome(), attempt.reason())
                        .by(by).build());
            }
            history.append(records);
            if (stopped) {
                Thread.currentThread().interrupt();
            }
            return new ReleaseResult(results, rollBack);
        }
    }

    private Attempt attempt(Action action, ServiceDeploy deploy, Instant deadline) throws InterruptedException {
        Instant started = Instant.now();
        try {
            Rollout rollout = action == Action.ROLLBACK ? target.rollBack(deploy.service(), deploy.image(), deadline)
                    : target.deploy(deploy.service(), deploy.image(), deadline);
            if (!rollout.healthy()) {
                return new Attempt(deploy, started, null, Outcome.UNHEALTHY, rollout.reason());
            }
            Instant healthy = rollout.healthySince().orElseGet(Instant::now);
            if (deploy.healthCheck().isPresent()) {
                Optional<String> failure = probe.await(deploy.healthCheck().get(), deadline);
                if (failure.isPresent()) {
                    return new Attempt(deploy, started, null, Outcome.UNHEALTHY, failure.get());
                }
                healthy = Instant.now();
            }
            return new Attempt(deploy, started, Duration.between(started, healthy).toMillis(), Outcome.HEALTHY, null);
        } catch (RuntimeException e) {
            // whatever stopped this service, the others must still be put back
            return new Attempt(deploy, started, null, Outcome.FAILED, e.getMessage());
        }
    }

    private Attempt undo(Attempt attempt, Optional<ImageReference> previous, Instant deadline) {
        String service = attempt.deploy().service();
        Outcome undone = attempt.outcome() == Outcome.HEALTHY ? Outcome.ROLLED_BACK : attempt.outcome();
        String reason = attempt.outcome() == Outcome.HEALTHY ? "another service of the release failed" : attempt.reason();
        try {
            target.undo(service, previous, deadline);
            return new Attempt(attempt.deploy(), attempt.started(), attempt.healthyAfterMillis(), undone, reason);
        } catch (RuntimeException e) {
            return new Attempt(attempt.deploy(), attempt.started(), attempt.healthyAfterMillis(),
                    Outcome.ROLLBACK_FAILED, reason + "; could not put " + previous.map(Object::toString)
                            .orElse("the service's absence") + " back: " + e.getMessage());
        }
    }

    /** Whatever stops the platform from saying, the result and the history must still be written. */
    private Running runningNow(String service) {
        try {
            return Running.of(target.running(service));
        } catch (RuntimeException e) {
            return new Running.Unknown(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    /**
     * Every service's attempt at once; as soon as one fails, the others are stopped where they are (their outcome is
     * {@link Outcome#ROLLED_BACK}), as the release goes back anyway: nobody waits for a health gate or a monitor
     * period whose verdict no longer matters. Interrupted, it stops them all, as {@link #inParallel}.
     */
    private List<Attempt> attemptAll(Action action, List<ServiceDeploy> services, Instant deadline, Instant started)
            throws InterruptedException {
        return onThreads(services.size(), executor -> {
            CompletionService<Attempt> ended = new ExecutorCompletionService<>(executor);
            services.forEach(service -> ended.submit(() -> attempt(action, service, deadline)));
            Map<String, Attempt> done = new HashMap<>();
            Optional<Attempt> failed = Optional.empty();
            while (done.size() < services.size() && failed.isEmpty()) {
                Attempt attempt = ended.take().get();
                done.put(attempt.deploy().service(), attempt);
                failed = Optional.of(attempt).filter(it -> it.outcome() != Outcome.HEALTHY);
            }
            String reason = failed.map(it -> "stopped before its gate passed, as " + it.deploy().service() + " failed")
                    .orElse(null);
            return services.stream().map(service -> done.getOrDefault(service.service(),
                    new Attempt(service, started, null, Outcome.ROLLED_BACK, reason))).toList();
        });
    }

    /** Interrupted, it interrupts the work and waits for it to end, so nothing still moves a service afterwards. */
    private static <T, R> List<R> inParallel(List<T> items, Function<T, Callable<R>> work) throws InterruptedException {
        return onThreads(items.size(), executor -> {
            List<Future<R>> futures = items.stream().map(work).map(executor::submit).toList();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        });
    }

    /** {@code work} on a pool of {@code threads}, whose threads are stopped and have ended when it returns. */
    private static <R> R onThreads(int threads, PoolWork<R> work) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            return work.run(executor);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a deploy thread failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
            awaitEnd(executor);
        }
    }

    private static void awaitEnd(ExecutorService executor) {
        boolean interrupted = Thread.interrupted();
        try {
            executor.awaitTermination(WORK_END.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireDistinct(List<ServiceDeploy> services) {
        if (services.isEmpty()) {
            throw new BadInputException("a release needs at least one service");
        }
        Set<String> names = new HashSet<>();
        for (ServiceDeploy service : services) {
            if (!names.add(service.service())) {
                throw new BadInputException("service " + service.service() + " is named twice in one release");
            }
        }
    }

    private interface PoolWork<R> {
        R run(ExecutorService executor) throws InterruptedException, ExecutionException;
    }

    private record Attempt(ServiceDeploy deploy, Instant started, Long healthyAfterMillis, Outcome outcome,
            String reason) {
    }
}
