package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, each call in a profile of its own: the DOM of a page after its scripts ran, and
 * screenshots. Pages are loaded as a browser loads them, with the response's Content-Security-Policy enforced.
 */
public final class HeadlessChromium {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private HeadlessChromium() {
    }

    /** The page's DOM, serialized, once loaded and its scripts have run. */
    public static String dumpDom(URI page) {
        return run(List.of("--dump-dom", page.toString())).stdout();
    }

    /** A PNG of the page in a window of the given size. */
    public static Path screenshot(URI page, Path png, int width, int height) {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toString()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot of " + page + " to " + png);
        }
        return png;
    }

    private static CommandResult run(List<String> arguments) {
        ScratchDirectory profile = ScratchDirectory.create("chromium-profile");
        try {
            List<String> command = new ArrayList<>(List.of(RequiredBinary.CHROMIUM.path().toString(), "--headless",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--user-data-dir=" + profile.createDirectory("profile")));
            command.addAll(arguments);
            return ExternalCommand.run(command, Map.of(), null, TIMEOUT).requireSuccess();
        } finally {
            profile.delete();
        }
    }
}
