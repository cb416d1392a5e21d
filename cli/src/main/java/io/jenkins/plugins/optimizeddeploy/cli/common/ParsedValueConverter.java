package io.jenkins.plugins.optimizeddeploy.cli.common;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option's value read by the engine's own parser: the parser's one-line complaint becomes picocli's usage error
 * (exit code 2). A subclass names the parser in a no-argument constructor, which picocli calls.
 */
public abstract class ParsedValueConverter<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    protected ParsedValueConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public T convert(String value) {
        try {
            return parser.apply(value);
        } catch (BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
