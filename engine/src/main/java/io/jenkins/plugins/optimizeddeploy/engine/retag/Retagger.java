package io.jenkins.plugins.optimizeddeploy.engine.retag;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Descriptor;
import io.jenkins.plugins.optimizeddeploy.engine.registry.Manifest;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryClient;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryException;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RepositoryAccess;
import io.jenkins.plugins.optimizeddeploy.engine.registry.TrafficSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives images new tags in the registry, without pulling or pushing a layer, all or nothing:
 * <ol>
 * <li>read every source manifest (once per source);</li>
 * <li>record where every target tag points now, or that it does not exist (one HEAD per tag);</li>
 * <li>for a target in another repository, bring the content there first: blobs mounted from the source repository
 * on the same registry, streamed from the source on another registry, child manifests of an index put by digest
 * (no tag changes in this step);</li>
 * <li>put each source manifest byte for byte, with its media type, under each target tag, and confirm the
 * digest the registry reports for it: first the tags that exist, then, once all of them moved, the new ones (a
 * registry that cannot delete a tag cannot take a new one back);</li>
 * <li>on any failure put every touched tag back: a tag that pointed elsewhere gets that manifest again; a tag that
 * did not exist is deleted by tag where the registry allows it, else its manifest is deleted by digest when this
 * retag brought it into the repository; otherwise it is reported as left in place
 * ({@link TagOutcome#LEFT_AT_NEW_DIGEST}), never silently. Then the tags put back are read again a few times, and
 * one that a late write of this retag moved again is put back again ({@link #ROLLBACK_CHECKS}).</li>
 * </ol>
 * Each step sends its requests in parallel, at most {@link RegistryOptions#parallelism()} at once: all reads
 * (every source and every target tag), then all writes; the client retries transient failures and keeps one token
 * per repository and access.
 *
 * <p>Interrupting the thread that called {@link #retag} (an aborted Jenkins build) ends the requests under way at
 * once. Before any tag was put, nothing moved; after, the tags touched so far are put back first (that wait ignores
 * further interrupts, so an abort never leaves a half-moved release), and the result says the retag was
 * interrupted. The thread's interrupt status is set again when {@code retag} returns.
 */
public final class Retagger {
    /**
     * Putting a tag back is tried this many times, each with the client's own retries and a growing pause in
     * between: giving up leaves a mix of moved and unmoved tags, so a rollback is more patient than the retag.
     */
    private static final int ROLLBACK_ATTEMPTS = 10;
    /**
     * The tags put back are read again this many times, after the client's growing backoff pauses (0.5, 1 and 2 s by
     * default), and put back again when a late write moved them; a write held longer than that is not seen.
     */
    private static final int ROLLBACK_CHECKS = 3;

    private final RegistryClient client;

    public Retagger(RegistryClient client) {
        this.client = Objects.requireNonNull(client, "registry client");
    }

    /**
     * Retags as {@code request} says. Registry failures do not escape: they end in {@link RetagOutcome#NOTHING_MOVED}
     * or {@link RetagOutcome#ROLLBACK_INCOMPLETE}, with the reason and each tag's state in the result.
     *
     * @param log receives a line per step and per tag that was put back or could not be, one line at a time (the
     *            tags are put back in parallel, but it is never called from two threads at once)
     */
    public RetagResult retag(RetagRequest request, Consumer<String> log) {
        return retag(request, log, tags -> { });
    }

    /**
     * Retags as {@link #retag(RetagRequest, Consumer)} does, and hands {@code tagsRead}, once every target tag was
     * read and before the first is written, each tag as {@link TagOutcome#NOT_TOUCHED} with the digest it points at
     * ("" when it does not exist): what an operator puts back by hand should the process end before the retag does.
     */
    public RetagResult retag(RetagRequest request, Consumer<String> log, Consumer<List<TagResult>> tagsRead) {
        Objects.requireNonNull(request, "retag request");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(tagsRead, "receiver of the tags read");
        long start = System.nanoTime();
        TrafficSnapshot before = client.traffic();
        int reads = request.sources().size() + request.moves().values().stream().mapToInt(List::size).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(reads, client.options().parallelism()),
                runnable -> {
                    Thread thread = new Thread(runnable, "retag");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Object oneLineAtATime = new Object();
            Run run = new Run(request, line -> {
                synchronized (oneLineAtATime) {
                    log.accept(line);
                }
            }, pool);
            run.execute(tagsRead);
            if (run.interrupted) {
                Thread.currentThread().interrupt();
            }
            return new RetagResult(run.outcome, run.failure, run.images(), run.tagResults(),
                    client.traffic().since(before), (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The state of one retag as it goes through its steps. */
    private final class Run {
        private final Map<ImageReference, List<ImageReference>> moves;
        private final Consumer<String> log;
        private final ExecutorService pool;
        private final Map<ImageReference, Manifest> manifests = new ConcurrentHashMap<>();
        private final Map<ImageReference, Optional<Descriptor>> previous = new ConcurrentHashMap<>();
        /** {@code repository@digest} of manifests this retag brought into a repository that lacked them. */
        private final Set<String> broughtIn = ConcurrentHashMap.newKeySet();
        private final Map<ImageReference, TagResult> results = new ConcurrentHashMap<>();
        /** The threads running this retag's tasks now, to interrupt when the retag is interrupted. */
        private final Set<Thread> working = new HashSet<>();
        private volatile boolean stopping;
        private boolean interrupted;
        private RetagOutcome outcome = RetagOutcome.NOTHING_MOVED;
        private String failure = "";

        Run(RetagRequest request, Consumer<String> log, ExecutorService pool) {
            this.moves = request.moves();
            this.log = log;
            this.pool = pool;
        }

        void execute(Consumer<List<TagResult>> tagsRead) {
            List<ImageReference> sources = List.copyOf(moves.keySet());
            List<ImageReference> targets = moves.values().stream().flatMap(List::stream).toList();
            // Reads only, so all at once: the sources first in the list, as a missing source is the likelier failure.
            // Before them, while the first read finds out how to talk to its registry, the connections the other reads
            // will take are opened, so that they need not wait for a handshake after it.
            List<Task> reads = new ArrayList<>();
            Stream.concat(sources.stream(), targets.stream())
                    .collect(Collectors.groupingBy(ImageReference::registry, Collectors.counting()))
                    .forEach((registry, count) -> {
                        for (int more = 1; more < Math.min(count, client.options().parallelism()); more++) {
                            reads.add(new Task("open a connection to " + registry,
                                    () -> client.openConnectionAhead(registry)));
                        }
                    });
            sources.forEach(source -> reads.add(new Task("read source " + source,
                    () -> manifests.put(source, client.getManifest(source, accessToSource(source))))));
            targets.forEach(target -> reads.add(new Task("check target " + target,
                    () -> previous.put(target, client.findManifest(target, RepositoryAccess.PUSH)))));
            Optional<String> problem = inParallel(reads, true);
            if (problem.isPresent()) {
                stop(problem.get());
                return;
            }
            log.accept("retag: read " + sources.size() + " source manifest(s) and where " + targets.size()
                    + " target tag(s) point");
            tagsRead.accept(tagResults());
            problem = inParallel(contentCopies().stream()
                    .map(copy -> new Task("copy content for " + copy, () -> bringContent(copy))).toList(), true);
            if (problem.isPresent()) {
                stop(problem.get() + " (no tag was touched; content copied so far is referenced by no tag)");
                return;
            }
            Map<ImageReference, ImageReference> sourceOf = new LinkedHashMap<>();
            moves.forEach((source, its) -> its.forEach(target -> sourceOf.put(target, source)));
            List<ImageReference> existing = new ArrayList<>();
            List<ImageReference> created = new ArrayList<>();
            for (ImageReference target : targets) {
                Digest digest = manifests.get(sourceOf.get(target)).digest();
                if (pointsAt(target, digest)) {
                    record(target, sourceOf.get(target), digest, TagOutcome.ALREADY_THERE, "");
                } else {
                    (previous.get(target).isPresent() ? existing : created).add(target);
                }
            }
            // A tag that existed can always be put back; a new one only where the registry deletes tags (or the
            // manifest this retag brought in), so new tags are written once every existing one moved.
            List<ImageReference> touched = new ArrayList<>();
            for (List<ImageReference> batch : List.of(existing, created)) {
                touched.addAll(batch);
                problem = inParallel(batch.stream().map(target -> new Task("put " + target, () -> {
                    Manifest manifest = manifests.get(sourceOf.get(target));
                    confirm(target, manifest);
                    record(target, sourceOf.get(target), manifest.digest(), TagOutcome.MOVED, "");
                })).toList(), true);
                if (problem.isPresent()) {
                    break;
                }
            }
            if (problem.isEmpty()) {
                outcome = RetagOutcome.MOVED;
                log.accept("retag: " + targets.size() + " tag(s) point at their sources");
                return;
            }
            failure = problem.get();
            log.accept("retag: " + failure + "; putting " + touched.size() + " touched tag(s) back");
            inParallel(touched.stream()
                    .map(target -> new Task("put back " + target, () -> rollBack(target, sourceOf.get(target))))
                    .toList(), false);
            watchPutBack(touched, sourceOf);
            boolean complete = touched.stream().allMatch(this::isPutBack);
            outcome = complete ? RetagOutcome.NOTHING_MOVED : RetagOutcome.ROLLBACK_INCOMPLETE;
        }

        private RepositoryAccess accessToSource(ImageReference source) {
            boolean writtenToo = moves.get(source).stream().anyMatch(target -> target.name().equals(source.name()));
            return writtenToo ? RepositoryAccess.PUSH : RepositoryAccess.PULL;
        }

        private void stop(String problem) {
            failure = problem;
            log.accept("retag: nothing moved: " + problem);
        }

        /** One per source and other repository it goes to, unless a tag there shows the content is present. */
        private List<ContentCopy> contentCopies() {
            Map<String, ContentCopy> copies = new LinkedHashMap<>();
            moves.forEach((source, targets) -> {
                Digest digest = manifests.get(source).digest();
                Set<String> present = new HashSet<>();
                targets.stream().filter(target -> pointsAt(target, digest)).forEach(target -> present.add(target.name()));
                targets.stream().filter(target -> !target.name().equals(source.name()))
                        .filter(target -> !present.contains(target.name()))
                        .forEach(target -> copies.putIfAbsent(target.name() + "@" + digest,
                                new ContentCopy(source, target)));
            });
            return List.copyOf(copies.values());
        }

        private boolean pointsAt(ImageReference target, Digest digest) {
            return previous.get(target).map(Descriptor::digest).filter(digest::equals).isPresent();
        }

        private void bringContent(ContentCopy copy) {
            Manifest manifest = manifests.get(copy.source());
            ImageReference pinned = copy.target().withDigest(manifest.digest().toString());
            if (client.findManifest(pinned, RepositoryAccess.PUSH).isPresent()) {
                return;
            }
            if (manifest.mediaType().isIndex()) {
                for (Descriptor child : manifest.references()) {
                    Manifest childManifest = client.getManifest(copy.source().withDigest(child.digest().toString()));
                    copyBlobs(copy.source(), copy.target(), childManifest);
                    confirm(copy.target().withDigest(child.digest().toString()), childManifest);
                }
            } else {
                copyBlobs(copy.source(), copy.target(), manifest);
            }
            broughtIn.add(pinned.name() + "@" + manifest.digest());
        }

        private void copyBlobs(ImageReference source, ImageReference target, Manifest manifest) {
            for (Descriptor blob : manifest.references()) {
                boolean mounted = source.registry().equals(target.registry())
                        && client.mountBlob(target, blob.digest(), source);
                if (!mounted) {
                    client.copyBlob(source, target, blob);
                }
            }
        }

        /** Puts {@code manifest} under {@code target}; the digest the registry reports must be the manifest's. */
        private void confirm(ImageReference target, Manifest manifest) {
            Digest reported = client.putManifest(target, manifest);
            if (!reported.equals(manifest.digest())) {
                throw new RetagException("the registry reports " + reported + " for " + target + " instead of "
                        + manifest.digest());
            }
        }

        private void rollBack(ImageReference target, ImageReference source) {
            Optional<Descriptor> before = previous.get(target);
            Digest newDigest = manifests.get(source).digest();
            Manifest old = null;
            RuntimeException last = null;
            for (int attempt = 1; attempt <= ROLLBACK_ATTEMPTS; attempt++) {
                try {
                    if (before.isPresent()) {
                        Digest digest = before.get().digest();
                        if (old == null) {
                            old = client.getManifest(target.withDigest(digest.toString()), RepositoryAccess.PUSH);
                        }
                        confirm(target, old);
                        record(target, source, digest, TagOutcome.RESTORED, "");
                    } else {
                        remove(target, source, newDigest);
                    }
                    logResult(target);
                    return;
                } catch (RegistryException | RetagException e) {
                    last = e;
                    pause(attempt);
                }
            }
            record(target, source, null, TagOutcome.NOT_RESTORED,
                    "it may still point at " + newDigest + ": " + last.getMessage());
            logResult(target);
        }

        /**
         * Reads the tags put back again after growing pauses, and puts back those that moved again: a write of this
         * retag that the network held after the client gave up on it reaches the registry late, after the tag was
         * put back. A tag found moved at the last read is reported with where it points.
         */
        private void watchPutBack(List<ImageReference> touched, Map<ImageReference, ImageReference> sourceOf) {
            long start = System.nanoTime();
            for (int check = 1; check <= ROLLBACK_CHECKS; check++) {
                List<ImageReference> putBack = touched.stream().filter(this::isPutBack).toList();
                if (putBack.isEmpty()) {
                    return;
                }
                settle(client.options().backoffBefore(check));
                Map<ImageReference, Optional<Digest>> now = new ConcurrentHashMap<>();
                inParallel(putBack.stream().map(target -> new Task("check " + target + " again",
                        () -> now.put(target, digestOf(client.findManifest(target, RepositoryAccess.PUSH))))).toList(),
                        false);
                List<ImageReference> movedAgain = putBack.stream().filter(now::containsKey)
                        .filter(target -> !now.get(target).equals(digestOf(previous.get(target)))).toList();
                for (ImageReference target : movedAgain) {
                    String where = now.get(target).map(Digest::toString).orElse("nothing");
                    if (check < ROLLBACK_CHECKS) {
                        log.accept("retag:   " + target + " points at " + where + " again after it was put back (a"
                                + " write of this retag that reached the registry late?); putting it back again");
                    } else {
                        record(target, sourceOf.get(target), now.get(target).orElse(null), TagOutcome.NOT_RESTORED, "it points at "
                                + where + " again after it was put back (read " + check + " times over "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms): a write of this"
                                + " retag that reached the registry late, or another client, moved it");
                        logResult(target);
                    }
                }
                if (check < ROLLBACK_CHECKS) {
                    inParallel(movedAgain.stream().map(target -> new Task("put back " + target + " again",
                            () -> rollBack(target, sourceOf.get(target)))).toList(), false);
                }
            }
        }

        private boolean isPutBack(ImageReference target) {
            TagResult result = results.get(target);
            return result != null && (result.outcome() == TagOutcome.RESTORED
                    || result.outcome() == TagOutcome.REMOVED);
        }

        private static Optional<Digest> digestOf(Optional<Descriptor> descriptor) {
            return descriptor.map(Descriptor::digest);
        }

        /** Waits {@code pause} whatever interrupts come: they are remembered for the end of the retag. */
        private void settle(Duration pause) {
            long end = System.nanoTime() + pause.toNanos();
            for (long left = pause.toNanos(); left > 0; left = end - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }

        private void pause(int attempt) {
            try {
                Thread.sleep(client.options().backoffBefore(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetagException("interrupted while putting tags back");
            }
        }

        private void remove(ImageReference target, ImageReference source, Digest newDigest) {
            try {
                client.deleteManifest(target);
                record(target, source, null, TagOutcome.REMOVED, "");
                return;
            } catch (RegistryException untagRefused) {
                if (untagRefused.isTransient()) {
                    throw untagRefused;
                }
                if (client.findManifest(target, RepositoryAccess.PUSH).isEmpty()) {
                    record(target, source, null, TagOutcome.REMOVED, "the tag was never written");
                    return;
                }
                String pinned = target.name() + "@" + newDigest;
                if (broughtIn.contains(pinned)) {
                    client.deleteManifest(target.withDigest(newDigest.toString()));
                    record(target, source, null, TagOutcome.REMOVED, "the registry cannot delete a tag (HTTP "
                            + untagRefused.status() + "), so manifest " + newDigest + ", which this retag had brought"
                            + " into " + target.name() + ", was deleted");
                    return;
                }
                record(target, source, newDigest, TagOutcome.LEFT_AT_NEW_DIGEST, "the registry cannot delete a tag"
                        + " (HTTP " + untagRefused.status() + (untagRefused.errorCodes().isEmpty() ? ""
                        : " " + String.join(", ", untagRefused.errorCodes())) + "), and deleting manifest "
                        + newDigest + " would also delete the tags of " + target.name()
                        + " that pointed at it before; delete " + target + " by hand if it must go");
            }
        }

        private void logResult(ImageReference target) {
            TagResult result = results.get(target);
            log.accept("retag:   " + target + " " + result.outcome() + (result.note().isEmpty() ? ""
                    : ": " + result.note()));
        }

        /** @param digest where {@code target} points now, null when nowhere */
        private void record(ImageReference target, ImageReference source, Digest digest, TagOutcome tagOutcome,
                String note) {
            Digest before = digestOf(previous.getOrDefault(target, Optional.empty())).orElse(null);
            Digest now = switch (tagOutcome) {
                case RESTORED, NOT_TOUCHED -> before;
                case REMOVED -> null;
                default -> digest;
            };
            results.put(target, new TagResult(target, source, before, now, tagOutcome, note));
        }

        /**
         * Runs every task, at most the pool's size at once, and waits for all of them: a failure of one never leaves
         * another running unseen. Returns the first failure in the tasks' order. When the calling thread is
         * interrupted while it waits and {@code interruptible}, the tasks under way are interrupted (their requests
         * end at once), those not started yet do nothing, and the failure says the retag was interrupted; otherwise
         * an interrupt is remembered for the end of the retag and the wait goes on.
         */
        private Optional<String> inParallel(List<Task> tasks, boolean interruptible) {
            CountDownLatch finished = new CountDownLatch(tasks.size());
            List<Optional<String>> problems = new CopyOnWriteArrayList<>(Collections.nCopies(tasks.size(),
                    Optional.empty()));
            for (int i = 0; i < tasks.size(); i++) {
                int index = i;
                pool.execute(() -> {
                    try {
                        problems.set(index, run(tasks.get(index)));
                    } finally {
                        finished.countDown();
                    }
                });
            }
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (interruptible) {
                        stopWorking();
                    }
                }
            }
            if (stopping) {
                stopping = false;
                return Optional.of("interrupted");
            }
            return problems.stream().flatMap(Optional::stream).findFirst();
        }

        private Optional<String> run(Task task) {
            synchronized (working) {
                if (stopping) {
                    return Optional.empty();
                }
                working.add(Thread.currentThread());
            }
            try {
                task.work().run();
                return Optional.empty();
            } catch (RuntimeException e) {
                // Whatever failed (registry, credentials, a bad manifest), the tags touched so far go back.
                return Optional.of("cannot " + task.doing() + ": " + e.getMessage());
            } finally {
                synchronized (working) {
                    working.remove(Thread.currentThread());
                }
            }
        }

        private void stopWorking() {
            synchronized (working) {
                stopping = true;
                working.forEach(Thread::interrupt);
            }
        }

        List<RetaggedImage> images() {
            List<RetaggedImage> images = new ArrayList<>();
            moves.forEach((source, targets) -> {
                Manifest manifest = manifests.get(source);
                if (manifest == null) {
                    return;
                }
                List<ImageReference> pointing = targets.stream().map(results::get).filter(Objects::nonNull)
                        .filter(result -> manifest.digest().equals(result.digest()))
                        .map(TagResult::target).toList();
                images.add(new RetaggedImage(source, manifest.digest(),
                        manifest.mediaType().value(), pointing));
            });
            return images;
        }

        List<TagResult> tagResults() {
            List<TagResult> all = new ArrayList<>();
            moves.forEach((source, targets) -> targets.forEach(target -> {
                TagResult result = results.get(target);
                Digest before = digestOf(previous.getOrDefault(target, Optional.empty())).orElse(null);
                all.add(result != null ? result : new TagResult(target, source, before, before,
                        TagOutcome.NOT_TOUCHED, ""));
            }));
            return all;
        }
    }

    /** One request or a few that belong together, and what they do, for the message when they fail. */
    private record Task(String doing, Runnable work) {
    }

    /** A source's content to bring into the repository of {@code target}. */
    private record ContentCopy(ImageReference source, ImageReference target) {
        @Override
        public String toString() {
            return source + " in " + target.name();
        }
    }
}
