package io.jenkins.plugins.optimizeddeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    @Test
    void shouldTabulateImagesAndPhasesWithTheirDeltas() {
        String markdown = MarkdownReport.render(RecordedRuns.second());

        assertThat(markdown).startsWith("## Optimized Deploy: shop \\#2\n\n"
                + "Against the previous successful build \\#1; total -73.5 MB (-56.5 %) in size, -6 min 5 s (-67.0 %)"
                + " in time.\n\n")
                .contains("| api | <code>sha256:3333333333333333333333333333333333333333333333333333333333333333</code>"
                        + " | 6 | 25.0 MB | new | no provenance \\(backend buildah does not attach it\\) |",
                        "| web | <code>sha256:4444444444444444444444444444444444444444444444444444444444444444</code>"
                        + " | 7 | 31.5 MB | -10.5 MB (-25.0 %) |",
                        "| worker |  |  |  | removed |  |",
                        "| -10.5 MB (-25.0 %) | builder \\(unnamed\\) https://mobyproject\\.org/buildkit@v1 dockerfile\\.v0,"
                        + " source https://git\\.example\\.com/shop/web\\.git@4f2a9c1e,"
                        + " args BASE\\_IMAGE=registry\\.example\\.com/base:3 |",
                        "| build | 2 min 10 s | -6 min 50 s (-75.9 %) |",
                        "Cache: 78 % of steps cached.",
                        "| web | deploy | healthy | 21.0 s |",
                        "6 min 50 s of CI time saved over the last 2 build\\(s\\) against the baseline \\#1\\.");
    }

    @Test
    void shouldMarkAFailedBuildAndARollback() {
        assertThat(MarkdownReport.render(RecordedRuns.failed())).startsWith("## Optimized Deploy: shop \\#3 (failed)")
                .contains("| error | OD1001 | The last USER is root | <code>web/Dockerfile:12</code> |");
        assertThat(MarkdownReport.render(RecordedRuns.rollback()))
                .contains("| web | deploy | unhealthy | 2 min 0 s |", "| web | rollback | healthy | 19.0 s |");
    }

    @Test
    void shouldLeaveNoMarkupOrMarkdownSyntaxOfUserText() {
        String markdown = MarkdownReport.render(HostileRuns.report());

        assertThat(markdown).doesNotContain(HostileRuns.PAYLOADS.toArray(String[]::new))
                .doesNotContainPattern("<(?!/?code>)[a-z/!]");
        assertThat(MarkdownReport.escape("a|b *c* [x](javascript:y) <i>'\n"))
                .isEqualTo("a\\|b \\*c\\* \\[x\\]\\(javascript:y\\) &lt;i&gt;&#39; ");
    }
}
