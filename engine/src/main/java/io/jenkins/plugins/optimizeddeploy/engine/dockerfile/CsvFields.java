package io.jenkins.plugins.optimizeddeploy.engine.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code --mount} or {@code --device} value into its comma-separated fields with the quoting rules of
 * Go's encoding/csv (a field may be "quoted", {@code ""} is a quote inside one; a quote elsewhere is an error).
 */
final class CsvFields {
    private CsvFields() {
    }

    /** A value that is not one CSV record. */
    static final class InvalidCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCsvException(String message) {
            super(message, null, false, false);
        }
    }

    static List<String> split(String value) throws InvalidCsvException {
        String line = value;
        if (line.endsWith("\r\n")) {
            line = line.substring(0, line.length() - 2);
        } else if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new InvalidCsvException("EOF (the value is empty)");
        }
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            if (position >= line.length() || line.charAt(position) != '"') {
                int comma = line.indexOf(',', position);
                String field = comma < 0 ? line.substring(position) : line.substring(position, comma);
                int quote = field.indexOf('"');
                if (quote >= 0) {
                    throw error(position + quote, "bare \" in non-quoted-field");
                }
                fields.add(field);
                if (comma < 0) {
                    return fields;
                }
                position = comma + 1;
                continue;
            }
            StringBuilder field = new StringBuilder();
            position++;
            while (true) {
                int quote = line.indexOf('"', position);
                if (quote < 0) {
                    throw error(position, "extraneous or missing \" in quoted-field");
                }
                field.append(line, position, quote);
                position = quote + 1;
                if (position < line.length() && line.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else if (position < line.length() && line.charAt(position) == ',') {
                    fields.add(field.toString());
                    position++;
                    break;
                } else if (position == line.length()) {
                    fields.add(field.toString());
                    return fields;
                } else {
                    throw error(position - 1, "extraneous or missing \" in quoted-field");
                }
            }
        }
    }

    private static InvalidCsvException error(int position, String problem) {
        return new InvalidCsvException("parse error on line 1, column " + (position + 1) + ": " + problem);
    }
}
