package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class DockerfileSerializationTest {

    @Test
    void shouldSurviveASerializationRoundTripUnchanged() throws Exception {
        Dockerfile dockerfile = DockerfileParser.parse("""
                # escape=`
                ARG BASE=alpine
                FROM ${BASE} AS base
                ONBUILD RUN <<EOF
                echo hi
                EOF
                ENV A="b c"
                FROM base
                COPY --from=base --chown=1:1 /a /b
                """);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(dockerfile);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(dockerfile).isNotSameAs(dockerfile);
    }
}
