package io.jenkins.plugins.optimizeddeploy.engine.findings;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report as checkstyle XML: a {@code file} element per Dockerfile with an {@code error} element per finding
 * (line, column, severity, message, source = rule id). checkstyle knows error, warning and info; style is written as
 * info.
 */
final class CheckstyleReport {

    private CheckstyleReport() {
    }

    static String render(LintReport report) {
        Map<String, List<Finding>> byFile = report.findings().stream()
                .collect(Collectors.groupingBy(Finding::file, LinkedHashMap::new, Collectors.toList()));
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", "4.3");
            for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("file");
                xml.writeAttribute("name", file.getKey());
                for (Finding finding : file.getValue()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("error");
                    xml.writeAttribute("line", String.valueOf(finding.line()));
                    xml.writeAttribute("column", String.valueOf(finding.column()));
                    xml.writeAttribute("severity", severity(finding.severity()));
                    xml.writeAttribute("message", finding.message());
                    xml.writeAttribute("source", finding.rule());
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the lint report as checkstyle XML: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    /** checkstyle has no style severity: style findings are written as info. */
    private static String severity(Severity severity) {
        if (severity == Severity.ERROR) {
            return "error";
        }
        return severity == Severity.WARNING ? "warning" : "info";
    }
}
