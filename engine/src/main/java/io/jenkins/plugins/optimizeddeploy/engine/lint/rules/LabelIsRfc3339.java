package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import io.jenkins.plugins.optimizeddeploy.engine.lint.LabelType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** DL3053: a label of type {@code rfc3339} holds no RFC 3339 date-time ({@code 2024-05-01T10:00:00Z}). */
final class LabelIsRfc3339 extends LabelValueRule {
    /** RFC 3339's shape: seconds and an offset are required, a fraction is not. */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    LabelIsRfc3339(Map<String, LabelType> schema) {
        super("DL3053", "Label is not a valid time format - must conform to RFC3339.", schema,
                LabelType.RFC3339::equals, LabelIsRfc3339::isDateTime);
    }

    private static boolean isDateTime(String value) {
        if (!DATE_TIME.matcher(value).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
