package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every deploy and rollback, one {@link DeployRecord} per service as a JSON line appended to a file (in the state
 * folder, beside the target locks). Appends hold a file lock, so processes deploying to different targets can share
 * the file.
 */
public final class DeployHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public DeployHistory(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    public void append(List<DeployRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (DeployRecord record : records) {
            try {
                lines.append(JSON.writeValueAsString(record)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("could not write the deploy record of " + record.service(), e);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the deploy history " + file, e);
        }
    }

    /** Every record, oldest first; none when the file does not exist yet. */
    public List<DeployRecord> records() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<DeployRecord> records = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (!line.isBlank()) {
                    records.add(read(line, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the deploy history " + file, e);
        }
        return records;
    }

    /**
     * What {@code service} ran on {@code target} before its last healthy deploy or rollback: where
     * {@code rollback --to previous} goes. Empty when no healthy record has a {@code from}.
     */
    public Optional<ImageReference> previous(String target, String service) {
        List<DeployRecord> records = records();
        for (int i = records.size() - 1; i >= 0; i--) {
            DeployRecord record = records.get(i);
            if (record.target().equals(target) && record.service().equals(service)
                    && record.outcome() == Outcome.HEALTHY) {
                return Optional.ofNullable(record.from());
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #previous} as the image a rollback to {@code previous} deploys.
     *
     * @throws DeployException naming the history when no healthy record says what ran before
     */
    public ImageReference previousImage(String target, String service) {
        return previous(target, service).orElseThrow(() -> new DeployException(
                "no healthy deploy of " + service + " on " + target + " in " + file + " says what ran before it"));
    }

    /**
     * What {@code service} runs on {@code target} as far as this history knows: the image its last record put live,
     * or the one it put back; empty when there is no record or the last one could not put its image back. For
     * targets that cannot be asked what runs (a webhook, CapRover with an app token).
     */
    public Optional<ImageReference> live(String target, String service) {
        List<DeployRecord> records = records();
        for (int i = records.size() - 1; i >= 0; i--) {
            DeployRecord record = records.get(i);
            if (record.target().equals(target) && record.service().equals(service)) {
                return switch (record.outcome()) {
                    case HEALTHY -> Optional.of(record.to());
                    case ROLLBACK_FAILED -> Optional.empty();
                    default -> Optional.ofNullable(record.from());
                };
            }
        }
        return Optional.empty();
    }

    private DeployRecord read(String line, int number) {
        try {
            return JSON.readValue(line, DeployRecord.class);
        } catch (JsonProcessingException e) {
            throw new DeployException("deploy history " + file + " line " + number + " is not a deploy record: "
                    + e.getOriginalMessage());
        }
    }
}
