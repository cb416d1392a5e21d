package io.jenkins.plugins.optimizeddeploy.engine.metrics;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.inspect.Provenance;
import java.util.List;

/**
 * What a run recorded of one image (a bake target or a deployed service). The record writes an unknown reference or
 * digest as {@code ""}, as records did when these were text.
 *
 * @param reference       the reference it was pushed or inspected as, null when not known
 * @param digest          its manifest or index digest, null when not known
 * @param compressedBytes bytes to pull (config plus compressed layers, of the first platform), 0 when not known;
 *                        records written before this name was the one everywhere call it {@code compressedSize}
 * @param layers          layer count (of the first platform), 0 when not known
 * @param platforms       {@code linux/amd64}..., empty when not known
 * @param provenance      what its provenance attestation says or why it has none (of the first platform), null when
 *                        not known
 */
public record ImageMetrics(
        @JsonSerialize(nullsUsing = UnknownAsEmptyText.Writer.class)
        @JsonDeserialize(converter = UnknownAsEmptyText.Reference.class)
        ImageReference reference,
        @JsonSerialize(nullsUsing = UnknownAsEmptyText.Writer.class)
        @JsonDeserialize(converter = UnknownAsEmptyText.DigestOf.class) Digest digest,
        @JsonAlias("compressedSize") long compressedBytes, int layers, List<String> platforms,
        @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance) {
    public ImageMetrics {
        if (compressedBytes < 0 || layers < 0) {
            throw new IllegalArgumentException("Image size and layer count must not be negative, were "
                    + compressedBytes + " bytes and " + layers + " layers");
        }
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** An image whose provenance is not known. */
    public ImageMetrics(ImageReference reference, Digest digest, long compressedBytes, int layers,
            List<String> platforms) {
        this(reference, digest, compressedBytes, layers, platforms, null);
    }

    /**
     * This image with what {@code later} knows: every value it has replaces this one's; a provenance found replaces
     * one missing, never the other way round (a build knows why its backend attached none, a later inspect does not).
     */
    ImageMetrics mergedWith(ImageMetrics later) {
        return new ImageMetrics(later.reference == null ? reference : later.reference,
                later.digest == null ? digest : later.digest,
                later.compressedBytes == 0 ? compressedBytes : later.compressedBytes,
                later.layers == 0 ? layers : later.layers,
                later.platforms.isEmpty() ? platforms : later.platforms,
                later.provenance == null || provenance != null && !later.provenance.attached() ? provenance
                        : later.provenance);
    }
}
