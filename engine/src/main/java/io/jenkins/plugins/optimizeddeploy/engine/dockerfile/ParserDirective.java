package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.io.Serializable;
import java.util.Objects;

/**
 * A parser directive at the top of a Dockerfile ({@code # syntax=docker/dockerfile:1}, {@code # escape=`},
 * {@code # check=skip=...}).
 *
 * @param name lower case: {@code syntax}, {@code escape} or {@code check}
 * @param value the text after {@code =}, trimmed
 * @param line 1-based line of the directive
 */
public record ParserDirective(String name, String value, int line) implements Serializable {

    public ParserDirective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
