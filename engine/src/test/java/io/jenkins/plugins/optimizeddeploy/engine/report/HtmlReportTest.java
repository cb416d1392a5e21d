package io.jenkins.plugins.optimizeddeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    /** Markup Jenkins' Content-Security-Policy would block, or that would bypass the stylesheet. */
    private static final Pattern FORBIDDEN =
            Pattern.compile("(?i)<script|<style|<[a-z][^<>]*(\\sstyle=|\\son[a-z]+=|javascript:)");

    @Test
    void shouldSayTheFirstBuildHasNothingToCompareWith() {
        String card = HtmlReport.summaryCard(RecordedRuns.first());

        assertThat(card).contains("No previous successful build to compare with.", "2 image(s), 130.0 MB",
                "9 min 5 s", "14 % of steps cached", ">1 warning<").doesNotContain("od-delta", "(+");
        assertThat(HtmlReport.page(RecordedRuns.first())).contains("The trend needs two builds or more.")
                .doesNotContain("Savings against the baseline");
    }

    @Test
    void shouldShowImagesAddedAndRemovedWithTheirDeltas() {
        String page = HtmlReport.page(RecordedRuns.second());

        assertThat(page).contains(
                "<td>api</td>", ">new</span>", "<td>no provenance (backend buildah does not attach it)</td>",
                "<td>builder (unnamed) https://mobyproject.org/buildkit@v1 dockerfile.v0, source"
                        + " https://git.example.com/shop/web.git@4f2a9c1e, args BASE_IMAGE=registry.example.com/base:3</td>",
                "<td>web</td>", ">-10.5 MB (-25.0 %)</span>",
                "<tr class=\"od-removed\"><td>worker</td>", "removed since the previous build", "(was 88.0 MB)",
                "<td>build</td><td>2 min 10 s</td>", "jenkins-!-success-color\">-6 min 50 s (-75.9 %)</span>",
                "<td>deploy</td><td>45.0 s</td>", ">+45.0 s (new)</span>",
                "<td>web</td><td>9 / 10</td><td>90 %</td>",
                "No findings.", ">healthy</span>", "21.0 s",
                "6 min 50 s of CI time saved over the last 2 build(s) against the baseline #1.",
                "At 4.0 builds a day: 6 h 50 min a month, 83 h 16 min a year.",
                "<svg class=\"od-trend__svg\"");
        assertThat(HtmlReport.summaryCard(RecordedRuns.second()))
                .contains("Deltas against the previous successful build #1.", ">2 healthy<");
    }

    @Test
    void shouldLinkEveryDigestToItsManifestInTheRegistryOfItsImage() {
        String page = HtmlReport.page(RecordedRuns.second());
        String web = "sha256:" + "4".repeat(64);
        String webLink = "<a class=\"od-digest\" href=\"https://registry.example.com/v2/shop/web/manifests/" + web
                + "\" rel=\"noopener noreferrer\"><code class=\"od-code\">" + web + "</code></a>";

        assertThat(page.split(Pattern.quote(webLink), -1)).as("the image's row and its deploy's").hasSize(3);
        assertThat(page).contains("href=\"https://registry.example.com/v2/shop/api/manifests/sha256:" + "3".repeat(64));
    }

    @Test
    void shouldShowADigestWithoutAValidReferenceAsTextOnly() {
        String page = HtmlReport.page(HostileRuns.report());

        assertThat(page.split("<a ", -1)).as("one link: the image with a valid reference").hasSize(2);
        assertThat(page).contains("<a class=\"od-digest\" href=\"http://127.0.0.1:5000/v2/hostile/web/manifests/"
                + HostileRuns.LINKED_DIGEST + "\" rel=\"noopener noreferrer\">");
    }

    @Test
    void shouldMarkAFailedBuildAndItsErrors() {
        String page = HtmlReport.page(RecordedRuns.failed());

        assertThat(page).contains("Optimized Deploy: shop #3 <span class=\"jenkins-badge od-badge"
                + " jenkins-!-error-color\">failed</span>", ">1 error</span>", "The last USER is root",
                "<code class=\"od-code\">web/Dockerfile:12</code>", "removed since the previous build");
    }

    @Test
    void shouldShowARollbackAndTheUnhealthyDeployBeforeIt() {
        String page = HtmlReport.page(RecordedRuns.rollback());

        assertThat(page).contains("<td>rollback</td>", "not healthy after 2 min 0 s",
                "health check failed 3 times: connection refused", "<td>rollback</td><td>30.0 s</td>");
        assertThat(HtmlReport.summaryCard(RecordedRuns.rollback())).contains(">rolled back</span>");
    }

    @Test
    void shouldUseNothingAStrictContentSecurityPolicyBlocks() {
        for (Report report : List.of(RecordedRuns.first(), RecordedRuns.second(), RecordedRuns.failed(),
                RecordedRuns.rollback(), HostileRuns.report())) {
            assertThat(HtmlReport.page(report)).doesNotContainPattern(FORBIDDEN);
            assertThat(HtmlReport.summaryCard(report)).doesNotContainPattern(FORBIDDEN);
        }
    }

    @Test
    void shouldEscapeUserTextInTextAndAttributes() {
        assertThat(Html.escape("<a href='x' title=\"y\">&amp;</a>\0"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;\uFFFD");
        String page = HtmlReport.page(HostileRuns.report());

        assertThat(page).doesNotContain(HostileRuns.PAYLOADS.toArray(String[]::new));
    }

    @Test
    void shouldWriteAStandaloneFileWithItsStylesheetAndAPolicyThatForbidsScripts() {
        String file = HtmlReport.standalone(RecordedRuns.second());

        assertThat(file).startsWith("<!DOCTYPE html>").contains("<title>Optimized Deploy: shop #2</title>",
                "content=\"default-src 'none'; style-src 'unsafe-inline'", ".od-series--0 {",
                "<body class=\"od-standalone\"><div class=\"od-report\">");
    }
}
