package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * arm64 programs run on this amd64 machine through {@code qemu-aarch64-static}, registered with the kernel's
 * binfmt_misc exactly as {@code qemu-user-static} defines it: what a multi-platform build's arm64 steps need.
 * Registering takes root. The definition's {@code F} flag makes the kernel open the emulator once, so it also runs
 * inside build containers; its {@code P} flag keeps {@code argv[0]}, which busybox needs to tell its applets apart
 * (without it {@code gzip -9} ran as {@code sh}).
 */
public final class Arm64Emulation {
    private static final Path BINFMT_MISC = Path.of("/proc/sys/fs/binfmt_misc");
    private static final Path REGISTRATION = BINFMT_MISC.resolve("qemu-aarch64");
    private static final Path DEFINITION = Path.of("/usr/lib/binfmt.d/qemu-aarch64.conf");

    private Arm64Emulation() {
    }

    /**
     * Registers {@code qemu-aarch64} with binfmt_misc unless it is already, mounting binfmt_misc first where it
     * is not mounted.
     *
     * @throws IllegalStateException naming the step that failed (a missing package, no root, no binfmt_misc)
     */
    public static synchronized void require() {
        RequiredBinary.QEMU_AARCH64.path();
        String[] definition = definition();
        if (registeredAs(definition)) {
            return;
        }
        if (!Files.exists(BINFMT_MISC.resolve("register"))) {
            ExternalCommand.run(List.of(RequiredBinary.MOUNT.path().toString(), "-t", "binfmt_misc", "binfmt_misc",
                    BINFMT_MISC.toString()), Map.of(), null, Duration.ofSeconds(30)).requireSuccess();
        }
        try {
            if (Files.exists(REGISTRATION)) {
                // registered otherwise: remove it first, binfmt_misc refuses a second entry of the same name
                Files.writeString(REGISTRATION, "-1", StandardCharsets.US_ASCII);
            }
            Files.writeString(BINFMT_MISC.resolve("register"), String.join(":", definition),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot register " + DEFINITION + " (qemu-user-static) with binfmt_misc at "
                    + BINFMT_MISC + " (this needs root): " + e, e);
        }
        if (!registeredAs(definition)) {
            throw new IllegalStateException("binfmt_misc took " + DEFINITION + " but " + REGISTRATION
                    + " is not enabled with its interpreter and flags");
        }
    }

    /** {@code :name:type:offset:magic:mask:interpreter:flags} split at its colons. */
    private static String[] definition() {
        try {
            String[] fields = Files.readString(DEFINITION).strip().split(":", -1);
            if (fields.length != 8) {
                throw new IllegalStateException(DEFINITION + " is not a binfmt_misc definition"
                        + " (:name:type:offset:magic:mask:interpreter:flags)");
            }
            return fields;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEFINITION + ": install the Debian package "
                    + RequiredBinary.QEMU_AARCH64.debianPackage() + " (" + e + ")", e);
        }
    }

    private static boolean registeredAs(String[] definition) {
        try {
            List<String> lines = Files.readAllLines(REGISTRATION);
            return lines.contains("enabled") && lines.contains("interpreter " + definition[6])
                    && lines.stream().anyMatch(line -> line.startsWith("flags: ")
                            && sorted(line.substring("flags: ".length())).equals(sorted(definition[7])));
        } catch (IOException e) {
            return false;
        }
    }

    private static String sorted(String flags) {
        return flags.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
