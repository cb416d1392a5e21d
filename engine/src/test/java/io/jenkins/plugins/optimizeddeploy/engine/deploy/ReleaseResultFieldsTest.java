package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What runs at the end of a release, in the fields the JSON and the steps return and in the lines of the log. */
class ReleaseResultFieldsTest {
    private static final ImageReference WEB_1 = ImageReference.parse("reg.example.com/web@sha256:" + "1".repeat(64));
    private static final ImageReference WEB_2 = ImageReference.parse("reg.example.com/web@sha256:" + "2".repeat(64));

    @Test
    void shouldGiveWhatRunsAsTheImageUnknownWithWhyOrNull() {
        ReleaseResult result = new ReleaseResult(List.of(
                service("web", Outcome.ROLLBACK_FAILED, new Running.Image(WEB_2)),
                service("worker", Outcome.ROLLBACK_FAILED, new Running.Unknown("HTTP 503 from the API server")),
                service("cron", Outcome.ROLLBACK_FAILED, new Running.Nothing())), false);

        assertThat(runningFields(result)).containsExactly(WEB_2.toString(), "unknown (HTTP 503 from the API server)",
                null);
        assertThat(result.failure()).hasValueSatisfying(line -> assertThat(line).endsWith("(web runs " + WEB_2
                + ", worker runs unknown (HTTP 503 from the API server), cron runs nothing)"));
        assertThat(result.summary()).filteredOn(line -> line.startsWith("cron: "))
                .containsExactly("cron: ROLLBACK_FAILED " + WEB_1 + ": could not roll back (runs nothing)");
    }

    private static ServiceResult service(String name, Outcome outcome, Running running) {
        return new ServiceResult(name, null, WEB_1, outcome, null, "could not roll back", running);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> runningFields(ReleaseResult result) {
        List<Map<String, Object>> services = (List<Map<String, Object>>) ReleaseResultFields.of(result).get("services");
        return services.stream().map(service -> service.get("running")).toList();
    }
}
