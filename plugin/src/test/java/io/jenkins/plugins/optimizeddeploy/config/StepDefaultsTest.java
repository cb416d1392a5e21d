package io.jenkins.plugins.optimizeddeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class StepDefaultsTest {

    @Test
    void shouldGiveEveryValueThatIsSetByItsConfigurationName() {
        StepDefaults defaults = new StepDefaults("registry.example.com/team", "registry-ci",
                "registry.example.com/team/cache", "develop", "buildx", "warning");

        assertThat(defaults.asMap()).containsExactly(
                entry("registry", "registry.example.com/team"),
                entry("credentialsId", "registry-ci"),
                entry("cacheRepository", "registry.example.com/team/cache"),
                entry("defaultBranch", "develop"),
                entry("backend", "buildx"),
                entry("failOn", "warning"));
    }

    @Test
    void shouldLeaveOutWhatIsUnset() {
        assertThat(StepDefaults.NONE.asMap()).isEmpty();
        assertThat(new StepDefaults(null, null, null, "develop", null, null).asMap())
                .containsOnlyKeys("defaultBranch");
    }
}
