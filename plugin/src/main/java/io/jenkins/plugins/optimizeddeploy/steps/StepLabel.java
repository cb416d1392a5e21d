package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a step node shows beside the step's name in the Pipeline graph, Blue Ocean and the console's step list, made
 * from the arguments as the script gave them: the subject of the step (images, group, files), never a credential.
 * An argument Pipeline did not store (too large, or sensitive) is not a String or a List, and is left out.
 */
final class StepLabel {

    /** As many hex digits of a digest as docker shows of an image id. */
    private static final int SHORT_DIGEST_LENGTH = 12;

    private StepLabel() {
    }

    /** The names a text or list argument holds, split as {@link NameList} splits them; none for other values. */
    static List<String> names(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value instanceof CharSequence text) {
            return NameList.parse(List.of(text.toString()));
        }
        if (value instanceof List<?> list) {
            return NameList.parse(list.stream().filter(Objects::nonNull).map(Object::toString).toList());
        }
        return List.of();
    }

    /** The text argument {@code name}, or null when it is not a text. */
    static String text(Map<String, Object> arguments, String name) {
        return arguments.get(name) instanceof CharSequence text ? OptionalText.of(text.toString()) : null;
    }

    /**
     * An image as people say it: the last component of its repository with its tag, {@code web:abc123}, else its
     * digest shortened as docker shortens ids, {@code web@sha256:0123456789ab}; the reference as given when it is not
     * a valid one.
     */
    static String shortImage(String reference) {
        ImageReference image;
        try {
            image = ImageReference.parse(reference.strip());
        } catch (BadInputException e) {
            return reference;
        }
        String repository = image.repository();
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return image.tag().map(tag -> name + ":" + tag)
                .orElseGet(() -> name + "@" + shortDigest(image.digest().orElseThrow()));
    }

    /** The {@code image} argument as {@link #shortImage(String)} shows it, or null without one. */
    static String image(Map<String, Object> arguments) {
        String image = text(arguments, "image");
        return image == null ? null : shortImage(image);
    }

    static String shortDigest(String digest) {
        int hex = digest.indexOf(':') + 1;
        return digest.substring(0, Math.min(digest.length(), hex + SHORT_DIGEST_LENGTH));
    }

    /** The names separated by a comma and a space, or null when there are none. */
    static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
