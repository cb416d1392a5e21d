package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.action.StepSummary;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Outcome;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResult;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ReleaseResultFields;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Running;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.ServiceResult;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.testsupport.FieldNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseResultMapTest {
    private static final String WEB_1 = "reg.example.com/web@sha256:" + "1".repeat(64);
    private static final String WEB_2 = "reg.example.com/web@sha256:" + "2".repeat(64);
    private static final String WORKER_1 = "reg.example.com/worker@sha256:" + "1".repeat(64);
    private static final String WORKER_2 = "reg.example.com/worker@sha256:" + "2".repeat(64);

    @Test
    void shouldFailWithTheLineItReturnsForAScriptThatDoesNotPropagate() {
        ReleaseResult putBack = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse(WEB_1), ImageReference.parse(WEB_2),
                        Outcome.UNHEALTHY, null, "HTTP 500\u001b[2J", runs(WEB_1)),
                new ServiceResult("worker", ImageReference.parse(WORKER_1), ImageReference.parse(WORKER_2),
                        Outcome.ROLLED_BACK, 900L, null, runs(WORKER_1))), true);

        StepOutcome<Map<String, Object>> outcome = ReleaseResultMap.outcome("deployImages", Action.DEPLOY, putBack, 5);

        assertThat(outcome.failure())
                .isEqualTo("deployImages: web unhealthy: HTTP 500\\x1b[2J; every service was put back");
        assertThat(outcome.value())
                .containsEntry("failure", "web unhealthy: HTTP 500\\x1b[2J; every service was put back");
        assertThat(outcome.withFailureLogged().log()).endsWith(outcome.failure());
    }

    @Test
    void shouldNameEveryFieldAsTheCommandLineJsonDoes() {
        ReleaseResult healthy = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse(WEB_1), ImageReference.parse(WEB_2),
                        Outcome.HEALTHY, 700L, null, runs(WEB_2))), false);

        assertThat(FieldNames.of(ReleaseResultMap.outcome("deployImages", Action.DEPLOY, healthy, 5).value()))
                .isEqualTo(FieldNames.of(ReleaseResultFields.of(healthy)))
                .contains("services[].from", "services[].timeToHealthyMillis", "rolledBack", "failure");
    }

    @Test
    void shouldNameWhatRunsWhenNotEverythingCouldBePutBack() {
        ReleaseResult broken = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse(WEB_1), ImageReference.parse(WEB_2),
                        Outcome.UNHEALTHY, null, "HTTP 500", new Running.Nothing()),
                new ServiceResult("worker", ImageReference.parse(WORKER_1), ImageReference.parse(WORKER_2),
                        Outcome.ROLLBACK_FAILED, 900L, "exited 1", runs(WORKER_2))),
                false);

        assertThat(ReleaseResultMap.outcome("deployImages", Action.DEPLOY, broken, 5).failure())
                .isEqualTo("deployImages: could not put everything back: web unhealthy: HTTP 500; worker rollback"
                        + " failed: exited 1 (web runs nothing, worker runs " + WORKER_2 + ")");
    }

    @Test
    void shouldReturnNoFailureWhenEveryServiceIsHealthy() {
        ReleaseResult healthy = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse(WEB_1), ImageReference.parse(WEB_2),
                        Outcome.HEALTHY, 700L, null, runs(WEB_2))), false);

        StepOutcome<Map<String, Object>> outcome = ReleaseResultMap.outcome("deployImages", Action.DEPLOY, healthy, 5);

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.value()).containsEntry("failure", null).containsEntry("rolledBack", false);
    }

    @Test
    void shouldRecordTheOutcomeInTheSameWordsWhateverTheLanguageOfTheController() {
        ReleaseResult failed = new ReleaseResult(List.of(
                new ServiceResult("web", ImageReference.parse(WEB_1), ImageReference.parse(WEB_2),
                        Outcome.FAILED, null, "no such image", new Running.Nothing())), false);
        Locale language = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(ReleaseResultMap.records("deployImages", failed)).singleElement()
                    .extracting(StepSummary::getOutcome).isEqualTo("failed " + WEB_2);
        } finally {
            Locale.setDefault(language);
        }
    }

    private static Running runs(String image) {
        return new Running.Image(ImageReference.parse(image));
    }
}
