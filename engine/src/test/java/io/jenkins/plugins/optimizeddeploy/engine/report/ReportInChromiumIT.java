package io.jenkins.plugins.optimizeddeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.optimizeddeploy.testsupport.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser, served from loopback the way Jenkins serves a page: with Jenkins' enforced
 * Content-Security-Policy (stricter still: no inline style either), the stylesheet as a file of its own, and a
 * Jenkins-like theme (light or dark) that only sets the theme's CSS variables. A same-origin script, as a plugin's
 * adjunct would be, reports what is in the DOM once the page loaded.
 */
class ReportInChromiumIT {
    static final String JENKINS_POLICY = "base-uri 'none'; default-src 'self'; form-action 'self'; frame-ancestors"
            + " 'self'; img-src 'self' data:; script-src 'report-sample' 'self'; style-src 'report-sample' 'self'";
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        PAGES.put("/report.css", HtmlReport.stylesheet());
        PAGES.put("/theme-light.css", ":root { --background: #fff; --card-background: #fff; --text-color: #14141f;"
                + " --text-color-secondary: #4b4b6a; --jenkins-border-color: #e0e0e8; --accent-color: #2a6ad4;"
                + " --success-color: #138a36; --error-color: #e6001f; --warning-color: #c75e00;"
                + " --info-color: #2a6ad4; } body { margin: 0; padding: 1rem; background: var(--background);"
                + " font-family: system-ui, sans-serif; font-size: 14px; }");
        PAGES.put("/theme-dark.css", ":root { --background: #1f2328; --card-background: #2b3036; --text-color:"
                + " #e6e6f0; --text-color-secondary: #a0a0b8; --jenkins-border-color: #3c424a; --accent-color: #6ea8fe;"
                + " --success-color: #3fb950; --error-color: #f85149; --warning-color: #d29922;"
                + " --info-color: #58a6ff; } body { margin: 0; padding: 1rem; background: var(--background);"
                + " font-family: system-ui, sans-serif; font-size: 14px; }");
        PAGES.put("/check.js", "document.getElementById('od-check').textContent = 'injected=' +"
                + " document.querySelectorAll('[data-xss]').length + ' scripts=' + document.scripts.length"
                + " + ' pwned=' + document.documentElement.getAttribute('data-pwned');");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".css") ? "text/css"
                    : path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", JENKINS_POLICY);
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** A Jenkins-like page holding {@code fragment}, in the light or dark theme; its URI. */
    private static URI page(String name, String theme, String fragment) {
        PAGES.put("/" + name + ".html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>page</title>"
                + "<link rel=\"stylesheet\" href=\"/theme-" + theme + ".css\">"
                + "<link rel=\"stylesheet\" href=\"/report.css\"></head><body>" + fragment
                + "<pre id=\"od-check\">check.js did not run</pre><script src=\"/check.js\"></script></body></html>");
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/" + name + ".html");
    }

    @Test
    void shouldInjectNoMarkupAndRunNoScriptFromHostileText() {
        Report hostile = HostileRuns.report();

        String dom = HeadlessChromium.dumpDom(page("hostile", "light",
                HtmlReport.summaryCard(hostile) + HtmlReport.page(hostile)));

        // one script: check.js itself, which ran (the policy allows same-origin scripts, as Jenkins does)
        assertThat(dom).contains("injected=0 scripts=1 pwned=null")
                .contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','script')");
        // the one link in the DOM is the registry's, opened without the page as opener or referrer
        assertThat(dom.split("<a ", -1)).hasSize(2);
        assertThat(dom).contains("<a class=\"od-digest\" href=\"http://127.0.0.1:5000/v2/hostile/web/manifests/"
                + HostileRuns.LINKED_DIGEST + "\" rel=\"noopener noreferrer\">");
    }

    @Test
    void shouldInjectNothingIntoTheStandaloneFileEither(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("report.html"), HtmlReport.standalone(HostileRuns.report()));

        String dom = HeadlessChromium.dumpDom(file.toUri());

        assertThat(dom).contains("<body class=\"od-standalone\">", "Savings against the baseline")
                .doesNotContain("data-pwned=").doesNotContainPattern("<[a-z]+[^<>]*\\sdata-xss[\\s>=]");
    }

    @Test
    void shouldRenderTheFullPageAndTrendInTheLightAndDarkTheme() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Report report = RecordedRuns.rollback();
        for (String theme : new String[] {"light", "dark"}) {
            URI page = page("rollback-" + theme, theme, HtmlReport.page(report));

            assertThat(HeadlessChromium.dumpDom(page)).contains("Optimized Deploy: shop #4", "rolled back",
                    "not healthy after 2 min 0 s", "Image sizes (compressed)", "injected=0 scripts=1 pwned=null");
            Path page1 = HeadlessChromium.screenshot(page, SCREENSHOTS.resolve("page-" + theme + ".png"), 1280, 2000);
            Path trend = HeadlessChromium.screenshot(page("trend-" + theme, theme,
                    TrendChart.svg(report.history())), SCREENSHOTS.resolve("trend-" + theme + ".png"), 1280, 360);

            for (Path png : new Path[] {page1, trend}) {
                BufferedImage image = ImageIO.read(png.toFile());
                int background = brightness(image.getRGB(2, 2));
                assertThat(background).as("background of %s", png).isGreaterThan(theme.equals("light") ? 240 : -1)
                        .isLessThan(theme.equals("light") ? 256 : 60);
                assertThat(distinctColours(image)).as("colours drawn in %s", png).isGreaterThan(8);
            }
        }
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    private static long distinctColours(BufferedImage image) {
        return IntStream.range(0, image.getHeight() / 4)
                .flatMap(y -> IntStream.range(0, image.getWidth() / 4)
                        .map(x -> image.getRGB(x * 4, y * 4)))
                .distinct().count();
    }
}
