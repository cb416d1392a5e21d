package io.jenkins.plugins.optimizeddeploy.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The keys of defaults.yaml are the ones vars/optimizedDeploy.txt (the global variable reference) lists, with their
 * defaults, and the only ones the var reads.
 */
class HelpTextTest {

    private static final Path ROOT = RepositoryFolder.ROOT.toPath();
    private static final Pattern KEY = Pattern.compile("<dt><code>(\\w+)</code> \\(default <code>(.*?)</code>\\)</dt>");
    /** {@code settings.KEY}, not a method call such as {@code settings.containsKey(key)}. */
    private static final Pattern SETTING = Pattern.compile("settings\\.(\\w+)(?![\\w(])");

    @Test
    void shouldListEveryKeyOfTheDefaultsAndNoOtherWithItsDefault() throws IOException {
        Map<String, Object> defaults = defaults();
        Map<String, String> documented = documentedDefaults(Files.readString(
                ROOT.resolve("vars/optimizedDeploy.txt"), StandardCharsets.UTF_8));

        Map<String, String> expected = new LinkedHashMap<>();
        defaults.forEach((key, value) -> expected.put(key, groovy(value)));
        assertThat(documented).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldReadNoSettingThatTheDefaultsDoNotHave() throws IOException {
        Matcher matcher = SETTING.matcher(Files.readString(ROOT.resolve("vars/optimizedDeploy.groovy"),
                StandardCharsets.UTF_8));
        List<String> read = matcher.results().map(match -> match.group(1)).distinct().toList();

        assertThat(read).isNotEmpty();
        assertThat(defaults().keySet()).containsAll(read);
    }

    private static Map<String, Object> defaults() throws IOException {
        return new Yaml().load(Files.readString(
                ROOT.resolve("resources/io/jenkins/plugins/optimizeddeploy/defaults.yaml"), StandardCharsets.UTF_8));
    }

    private static Map<String, String> documentedDefaults(String help) {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher matcher = KEY.matcher(help);
        while (matcher.find()) {
            assertThat(documented.put(matcher.group(1), matcher.group(2))).as("%s listed once", matcher.group(1))
                    .isNull();
        }
        return documented;
    }

    /** The value as a Jenkinsfile writes it. */
    private static String groovy(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HelpTextTest::groovy).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "[:]" : map.entrySet().stream().map(e -> e.getKey() + ": " + groovy(e.getValue()))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
