package io.jenkins.plugins.optimizeddeploy.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The views of the build page and the job trend work under Jenkins' Content-Security-Policy: no inline script, event
 * handler or style (core's Jelly checks see only the .jelly files, the engine's tests the HTML they print), and the
 * stylesheet they load is the engine's.
 */
class PageViewsTest {

    private static final Path VIEWS = Path.of("src/main/resources/io/jenkins/plugins/optimizeddeploy/action");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=|<style|javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("<form[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADJUNCT = Pattern.compile("<st:adjunct includes=\"([^\"]+)\"/>");

    @Test
    void shouldHaveNoInlineScriptHandlerOrStyleInAnyViewOfThePages() throws IOException {
        List<Path> views = views();

        assertThat(views).extracting(view -> VIEWS.relativize(view).toString()).contains(
                "OptimizedDeployAction/summary.jelly", "OptimizedDeployAction/index.jelly",
                "OptimizedDeployJobAction/floatingBox.jelly");
        for (Path view : views) {
            String jelly = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(jelly).as(view.toString()).doesNotContainPattern(INLINE_SCRIPT)
                    .doesNotContainPattern(EVENT_HANDLER).doesNotContainPattern(INLINE_STYLE);
        }
    }

    @Test
    void shouldEscapeEveryValueAndChangeStateOnlyThroughPostFormsShownToUsersWhoMay() throws IOException {
        for (Path view : views()) {
            String jelly = Files.readString(view, StandardCharsets.UTF_8);

            assertThat(jelly).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
            Matcher form = FORM.matcher(jelly);
            while (form.find()) {
                assertThat(form.group()).as(view.toString()).startsWith("<form method=\"post\" ");
            }
        }
        String page = Files.readString(VIEWS.resolve("OptimizedDeployAction/index.jelly"), StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<j:when test=\"\\$\\{it.baselineConfigurable}\">\\s*(<!--[^>]*-->\\s*)?"
                + "<form method=\"post\" action=\"[^\"]*/useAsBaseline\">")
                .containsPattern("<j:if test=\"\\$\\{it.rollbackOffered}\">\\s*"
                        + "<form method=\"post\" action=\"[^\"]*/rollBack\">");
        assertThat(page).as("the parameter the rollback redirects with")
                .contains("request2.getParameter('" + OptimizedDeployAction.ROLLBACK_PARAMETER + "')");
    }

    @Test
    void shouldLoadTheEnginesStylesheetAsAnAdjunctInEveryViewThatPrintsTheReport() throws IOException {
        for (Path view : views()) {
            String jelly = Files.readString(view, StandardCharsets.UTF_8);
            if (!jelly.contains("<j:out")) {
                continue;
            }
            Matcher adjunct = ADJUNCT.matcher(jelly);

            assertThat(adjunct.find()).as("%s loads a stylesheet", view).isTrue();
            String resource = "/" + adjunct.group(1).replace('.', '/') + ".css";
            assertThat(resource).as(view.toString()).isEqualTo(HtmlReport.STYLESHEET);
            assertThat(HtmlReport.class.getResource(resource)).as(resource).isNotNull();
        }
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(file -> file.toString().endsWith(".jelly")).sorted().toList();
        }
    }
}
