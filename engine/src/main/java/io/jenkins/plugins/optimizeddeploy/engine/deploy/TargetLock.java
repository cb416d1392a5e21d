package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One deploy at a time per target, across threads and processes: an OS file lock on a file named after the target
 * in the lock folder, which holds a line naming its holder. A second deploy waits for it, then gives up naming
 * the holder. The OS releases the lock of a process that dies, so a killed deploy leaves no stale lock.
 */
final class TargetLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    /** File locks belong to the process: threads of one JVM exclude each other here first. */
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code target}, waiting at most {@code timeout}.
     *
     * @param holder who takes it, as the next deploy's message will name it
     * @throws TargetBusyException when it is still held after {@code timeout}
     */
    static TargetLock acquire(Path directory, String target, String holder, Duration timeout)
            throws InterruptedException {
        Path file = directory.toAbsolutePath().resolve(
                Digest.sha256Of(target.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16) + ".lock");
        Instant deadline = Instant.now().plus(timeout);
        try {
            Files.createDirectories(directory);
            while (true) {
                TargetLock taken = tryTake(file, target, holder);
                if (taken != null) {
                    return taken;
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new TargetBusyException(target + " is being deployed by " + holderOf(file)
                            + "; gave up waiting for it after " + (timeout.toMillis() < 1000
                                    ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + target + " with " + file, e);
        }
    }

    private static TargetLock tryTake(Path file, String target, String holder) throws IOException {
        if (!HELD_IN_THIS_PROCESS.add(file)) {
            return null;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            HELD_IN_THIS_PROCESS.remove(file);
            return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + " since " + Instant.now() + " (" + target + ")\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new TargetLock(file, channel, lock);
    }

    private static String holderOf(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            return line.isEmpty() ? "another deploy" : line;
        } catch (IOException e) {
            return "another deploy (" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the deploy lock " + file, e);
        } finally {
            HELD_IN_THIS_PROCESS.remove(file);
        }
    }
}
