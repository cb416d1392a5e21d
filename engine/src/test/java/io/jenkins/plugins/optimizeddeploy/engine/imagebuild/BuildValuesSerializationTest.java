package io.jenkins.plugins.optimizeddeploy.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeDefinition;
import io.jenkins.plugins.optimizeddeploy.engine.bake.BakeFileReader;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CachePlan;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheSettings;
import io.jenkins.plugins.optimizeddeploy.engine.image.Digest;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.testsupport.SampleApp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results cross the Jenkins remoting channel and are persisted; requests travel from the controller to the agent. */
class BuildValuesSerializationTest {
    @Test
    void shouldRoundTripResultsRequestsCachePlansAndBakeDefinitions() throws Exception {
        TargetResult target = TargetResult.builder("web", "docker")
                .pushed(List.of(ImageReference.parse("reg.example.com/web:1"), ImageReference.parse("reg.example.com/web:main")),
                        Digest.parse("sha256:" + "a".repeat(64)), 1024).platformSizes(Map.of("linux/amd64", 1024L))
                .durationMillis(4200)
                .steps(new StepStatistics(10, 9, 1), List.of("[web 1/1] COPY"))
                .cache("branch reg/cache/web/main", new CacheTimes(120, 300),
                        List.of("reg/cache/web/main:final (exit code 1: denied)")).build();
        BuildResult result = new BuildResult("docker", "docker was asked for", List.of(target));
        CacheSettings cache = CacheSettings.of("reg/cache", "dev", "main").withLocalDirectory(Path.of("/agent/cache"));
        BuildRequest request = new BuildRequest(List.of("essential"), "reg/team", List.of("1"), SampleAppRequest.REVISION,
                "linux/amd64", cache, Map.of("TAG", "1"));

        assertThat(roundTrip(result)).isEqualTo(result);
        assertThat(roundTrip(request)).isEqualTo(request);
        assertThat(roundTrip(CachePlan.forTarget("web", cache))).isEqualTo(CachePlan.forTarget("web", cache));
        BakeDefinition bake = BakeFileReader.read(SampleApp.directory().resolve("docker-bake.hcl"), Map.of());
        assertThat(roundTrip(bake)).isEqualTo(bake);
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
