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
