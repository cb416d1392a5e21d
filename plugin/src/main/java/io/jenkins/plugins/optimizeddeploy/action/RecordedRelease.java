package io.jenkins.plugins.optimizeddeploy.action;

import hudson.model.Run;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.metrics.RunMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What another build of the job deployed, read from its metrics record: per service, the image by digest its last
 * healthy deploy or rollback put live. {@code rollbackDeploy(to: '<build number>')} deploys these again.
 */
public final class RecordedRelease {

    private RecordedRelease() {
    }

    /**
     * The images build {@code number} of the job of {@code run} deployed for {@code services}, in their order.
     *
     * @throws BadInputException in one line, when the build does not exist or recorded no healthy deploy of one of
     *                           the services
     */
    public static Map<String, String> images(Run<?, ?> run, int number, List<String> services) {
        return images(new RunBuild(run), number, services);
    }

    static Map<String, String> images(RecordedBuild current, int number, List<String> services) {
        RecordedBuild build = current.build(number);
        if (build == null) {
            throw new BadInputException("build #" + number + " does not exist (or was deleted)");
        }
        RunMetrics metrics = build.metrics();
        if (metrics == null) {
            throw new BadInputException("build #" + number + " has no metrics record: no step of this plugin ran");
        }
        Map<String, String> images = new LinkedHashMap<>();
        metrics.releasedImages("build #" + number, services)
                .forEach((service, image) -> images.put(service, image.toString()));
        return images;
    }
}
