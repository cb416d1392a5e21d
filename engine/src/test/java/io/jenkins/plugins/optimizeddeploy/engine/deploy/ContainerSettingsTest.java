package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCarryOverWhatWasGivenAtRunTimeButNotWhatTheImageSet() throws Exception {
        ContainerSettings settings = ContainerSettings.of(JSON.readTree("""
                {"Config": {"Env": ["PATH=/bin", "API_TOKEN=s3cret"], "Cmd": ["serve"],
                            "Labels": {"team": "shop", "org.opencontainers.image.title": "web"}},
                 "HostConfig": {"PortBindings": {"8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": "18080"}],
                                                 "9090/udp": [{"HostIp": "", "HostPort": "9090"}]},
                                "Binds": ["web-data:/data:ro"],
                                "Mounts": [{"Type": "bind", "Source": "/srv/conf", "Target": "/conf", "ReadOnly": true}],
                                "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
                                "NetworkMode": "host", "Init": true}}
                """), JSON.readTree("""
                {"Config": {"Env": ["PATH=/bin"], "Cmd": ["serve"], "Labels": {"org.opencontainers.image.title": "web"}}}
                """));

        assertThat(settings.runArguments()).containsExactly("--env", "API_TOKEN", "--label", "team=shop",
                "--publish", "127.0.0.1:18080:8080/tcp", "--publish", "9090:9090/udp", "--volume", "web-data:/data:ro",
                "--mount", "type=bind,source=/srv/conf,target=/conf,readonly", "--restart", "on-failure:3",
                "--network", "host", "--init");
        assertThat(settings.runArguments()).noneMatch(argument -> argument.contains("s3cret"));
        assertThat(settings.environment()).isEqualTo(Map.of("API_TOKEN", "s3cret"));
        assertThat(settings.hostNetwork()).isTrue();
        assertThat(settings.command()).isEmpty();
    }

    @Test
    void shouldKeepACommandGivenAtRunTime() throws Exception {
        ContainerSettings settings = ContainerSettings.of(
                JSON.readTree("{\"Config\": {\"Cmd\": [\"worker\", \"--once\"]}, \"HostConfig\": {\"NetworkMode\": \"default\"}}"),
                JSON.readTree("{\"Config\": {\"Cmd\": [\"worker\"]}}"));

        assertThat(settings.command()).containsExactly("worker", "--once");
        assertThat(settings.runArguments()).isEmpty();
        assertThat(settings.hostNetwork()).isFalse();
    }
}
