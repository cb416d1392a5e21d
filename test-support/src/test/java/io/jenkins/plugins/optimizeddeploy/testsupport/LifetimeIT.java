package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs fixture classes in a launcher of their own, whose end is the end of their "test run". */
class LifetimeIT {
    private static final Map<String, String> HOST_PORTS = new ConcurrentHashMap<>();

    @Test
    void shouldShareTestRunComponentsAndStopEveryComponentWhenItsScopeEnds() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SharedFixture.class), selectClass(AlsoSharedFixture.class),
                        selectClass(OwnRegistryFixture.class))
                .build(), summary);

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);
        assertThat(HOST_PORTS.get("shared")).isEqualTo(HOST_PORTS.get("also shared"));
        assertThat(HOST_PORTS.get("own")).isNotEqualTo(HOST_PORTS.get("shared"));
        assertThat(HOST_PORTS.values()).allSatisfy(hostPort -> assertThat(
                LoopbackPorts.isListening(Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)))).isFalse());
    }

    static class SharedFixture {
        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.plain();

        @Test
        void recordsItsRegistry() {
            HOST_PORTS.put("shared", registry.hostPort());
        }
    }

    static class AlsoSharedFixture {
        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.plain();

        @Test
        void recordsItsRegistry() {
            HOST_PORTS.put("also shared", registry.hostPort());
        }
    }

    static class OwnRegistryFixture {
        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.plain().perTestClass();

        @Test
        void recordsItsRegistry() {
            HOST_PORTS.put("own", registry.hostPort());
        }
    }
}
