package io.jenkins.plugins.optimizeddeploy.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizedDeployTest extends LibraryPipelineTest {

    @Test
    void shouldRunEveryStageInOrder() {
        Object result = run("scripted", Map.of("registry", "registry.example.com/team", "releaseTags", java.util.List.of("1.4.2")));
        calls().forEach(System.out::println);
        System.out.println(result);
        assertThat(result).isNotNull();
    }
}
