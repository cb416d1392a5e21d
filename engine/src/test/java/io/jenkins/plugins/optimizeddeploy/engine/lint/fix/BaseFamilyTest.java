package io.jenkins.plugins.optimizeddeploy.engine.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseFamilyTest {

    @ParameterizedTest
    @CsvSource({
        "debian:12.5, DEBIAN",
        "docker.io/library/ubuntu:24.04, DEBIAN",
        "python:3.12-slim, DEBIAN",
        "eclipse-temurin:21-jre, DEBIAN",
        "maven:3.9-eclipse-temurin-21-jammy, DEBIAN",
        "alpine, ALPINE",
        "node:20-alpine, ALPINE",
        "eclipse-temurin:21-jre-alpine, ALPINE",
        "nginx:1.27-alpine3.20, ALPINE",
        "busybox:1.36, BUSYBOX",
        "127.0.0.1:5000/base/busybox:latest, BUSYBOX",
        "gcr.io/distroless/static-debian12:nonroot, DISTROLESS",
        "scratch, DISTROLESS",
        "cgr.dev/chainguard/static, DISTROLESS",
        "registry.access.redhat.com/ubi9/ubi-minimal, UNKNOWN",
        "'', UNKNOWN"
    })
    void shouldTellTheFamilyFromTheImageName(String image, BaseFamily family) {
        assertThat(BaseFamily.of(image, FixOptions.defaults())).isEqualTo(family);
    }

    @ParameterizedTest
    @CsvSource({"registry.local/base/tiny:1, BUSYBOX", "debian:12.5, DEBIAN"})
    void shouldTakeBusyboxLikeImagesFromTheOptions(String image, BaseFamily family) {
        assertThat(BaseFamily.of(image, FixOptions.defaults().withBusyboxImages(List.of("/base/tiny"))))
                .isEqualTo(family);
    }
}
