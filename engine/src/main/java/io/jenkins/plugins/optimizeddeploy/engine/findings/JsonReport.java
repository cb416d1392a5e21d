package io.jenkins.plugins.optimizeddeploy.engine.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report as JSON: {@code findings[]} (rule, severity, message, file, line, column), {@code counts} by severity,
 * the {@code failureThreshold} and whether the run {@code failed}.
 */
final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject()
                    .put("rule", finding.rule())
                    .put("severity", finding.severity().label())
                    .put("message", finding.message())
                    .put("file", finding.file())
                    .put("line", finding.line())
                    .put("column", finding.column());
        }
        ObjectNode counts = root.putObject("counts");
        report.countsBySeverity().forEach((Severity severity, Integer count) -> counts.put(severity.label(), count));
        root.put("failureThreshold", report.failureThreshold().label());
        root.put("failed", report.failed());
        return JsonText.write(MAPPER, root);
    }
}
