package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SwarmServiceTest {
    private static final String IMAGE = "127.0.0.1:5000/team/web@sha256:" + "a".repeat(64);

    @Test
    void shouldReadTheSpecImageAndARollbackFromInspectOutput() throws Exception {
        SwarmService service = SwarmService.parse(new ObjectMapper().readTree("{\"Spec\":{\"Name\":\"web\","
                + "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" + IMAGE + "\"}}},\"UpdateStatus\":{\"State\":"
                + "\"rollback_started\",\"Message\":\"update rolled back due to failure or early termination of task x\"}}"));

        assertThat(service.image()).hasToString(IMAGE);
        assertThat(service.moving()).isTrue();
        assertThat(service.rolledBack()).isTrue();
        assertThat(service.paused()).isFalse();
        assertThat(service.updateMessage()).startsWith("update rolled back");
        assertThat(service.previousImage()).as("a rolled back service has no previous spec left").isEmpty();
    }

    @Test
    void shouldReadTheImageThatARollbackWouldPutBack() throws Exception {
        String previous = "127.0.0.1:5000/team/web@sha256:" + "b".repeat(64);
        SwarmService service = SwarmService.parse(new ObjectMapper().readTree("{\"Spec\":{\"TaskTemplate\":"
                + "{\"ContainerSpec\":{\"Image\":\"" + IMAGE + "\"}}},\"PreviousSpec\":{\"TaskTemplate\":"
                + "{\"ContainerSpec\":{\"Image\":\"" + previous + "\"}}},\"UpdateStatus\":{\"State\":\"updating\"}}"));

        assertThat(service.previousImage()).hasValueSatisfying(image -> assertThat(image).hasToString(previous));
        assertThat(service.moving()).isTrue();
    }

    @Test
    void shouldReadAServiceThatWasNeverUpdated() throws Exception {
        SwarmService service = SwarmService.parse(new ObjectMapper().readTree(
                "{\"Spec\":{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" + IMAGE + "\"}}}}"));

        assertThat(service.updateState()).isEmpty();
        assertThat(service.moving()).isFalse();
        assertThat(service.paused()).isFalse();
    }
}
