package io.jenkins.plugins.optimizeddeploy.engine.findings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The report as SARIF 2.1.0: one run whose driver lists the rules that ran (id, help URI, default level), and one
 * result per finding pointing at the file as given and the instruction's line and column.
 */
final class SarifReport {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String TOOL_URI = "https://github.com/jenkinsci/optimized-deploy-plugin";

    private SarifReport() {
    }

    static String render(LintReport report) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "optimized-deploy");
        driver.put("informationUri", TOOL_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescription rule : report.rules()) {
            ruleIndex.put(rule.id(), rules.size());
            ObjectNode descriptor = rules.addObject();
            descriptor.put("id", rule.id());
            descriptor.putObject("shortDescription").put("text", rule.message());
            descriptor.put("helpUri", rule.documentation().toString());
            descriptor.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.rule());
            if (ruleIndex.containsKey(finding.rule())) {
                result.put("ruleIndex", ruleIndex.get(finding.rule()));
            }
            result.put("level", level(finding.severity()));
            result.putObject("message").put("text", finding.message());
            ObjectNode physicalLocation = result.putArray("locations").addObject().putObject("physicalLocation");
            physicalLocation.putObject("artifactLocation").put("uri", uriOf(finding.file()));
            ObjectNode region = physicalLocation.putObject("region");
            region.put("startLine", finding.line());
            region.put("startColumn", finding.column());
            region.putObject("snippet").put("text", finding.excerpt());
            result.putObject("properties").put("severity", finding.severity().label());
        }
        return JsonText.write(JsonReport.MAPPER, root);
    }

    /** SARIF has no info or style level: both are notes. */
    static String level(Severity severity) {
        if (severity == Severity.ERROR) {
            return "error";
        }
        return severity == Severity.WARNING ? "warning" : "note";
    }

    /**
     * A relative path as a relative URI reference with forward slashes; an absolute path as a file URI. A first
     * segment with a colon (an image's {@code 127.0.0.1:5000/app:1}) is prefixed with {@code ./}, as RFC 3986
     * section 4.2 requires, so it is not read as a scheme.
     */
    static String uriOf(String file) {
        String path = file.replace('\\', '/');
        if (path.startsWith("/")) {
            return Path.of(file).toUri().toString();
        }
        int firstSlash = path.indexOf('/');
        if (path.substring(0, firstSlash < 0 ? path.length() : firstSlash).contains(":")) {
            path = "./" + path;
        }
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot write the path '" + file + "' as a SARIF artifact URI", e);
        }
    }
}
