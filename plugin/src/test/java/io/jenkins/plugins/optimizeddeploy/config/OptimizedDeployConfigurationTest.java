package io.jenkins.plugins.optimizeddeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hudson.Extension;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import sun.reflect.ReflectionFactory;

/**
 * The global configuration as Configuration as Code reads and writes it: the YAML section under its symbol binds
 * through the {@code @DataBoundSetter}s (JCasC refuses any other key) and exports through the getters.
 */
class OptimizedDeployConfigurationTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String JENKINS_YAML = """
            unclassified:
              optimizedDeploy:
                registry: "registry.example.com/team"
                credentialsId: "registry-ci"
                cacheRepository: "registry.example.com/team/cache"
                defaultBranch: "develop"
                backend: "buildx"
                failOn: "warning"
            """;

    @Test
    void shouldBeTheOptimizedDeploySectionOfUnclassified() {
        assertThat(OptimizedDeployConfiguration.class.getAnnotation(Symbol.class).value())
                .containsExactly("optimizedDeploy");
        assertThat(OptimizedDeployConfiguration.class.getAnnotation(Extension.class)).isNotNull();
    }

    @Test
    void shouldBindEveryKeyThroughItsSetterSaveAndExportTheSameYaml() throws Exception {
        JsonNode section = YAML.readTree(JENKINS_YAML).path("unclassified").path("optimizedDeploy");
        CountingSaves configuration = loaded();

        configure(configuration, section);

        assertThat(configuration.defaults()).isEqualTo(new StepDefaults("registry.example.com/team", "registry-ci",
                "registry.example.com/team/cache", "develop", "buildx", "warning"));
        assertThat(configuration.saves).as("a save per setter: JCasC and the form do not save afterwards")
                .isEqualTo(6);
        assertThat(exported(configuration)).isEqualTo(section);
    }

    @Test
    void shouldTreatBlankValuesAsUnsetAndExportOnlyWhatIsSet() throws Exception {
        CountingSaves configuration = loaded();

        configure(configuration, YAML.readTree("registry: 'registry.example.com/team/'\ncredentialsId: ' '\n"));

        assertThat(configuration.defaults()).isEqualTo(new StepDefaults("registry.example.com/team", null, null, null,
                null, null));
        assertThat(exported(configuration)).isEqualTo(YAML.readTree("registry: registry.example.com/team"));
    }

    /** As Configuration as Code binds a section: each key to the {@code @DataBoundSetter} of that name. */
    private static void configure(Object configuration, JsonNode section) throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> keys = section.fields(); keys.hasNext(); ) {
            Map.Entry<String, JsonNode> key = keys.next();
            Method setter = Arrays.stream(configuration.getClass().getMethods())
                    .filter(method -> method.getName().equals("set" + capitalized(key.getKey())))
                    .filter(method -> method.isAnnotationPresent(DataBoundSetter.class))
                    .findFirst().orElseThrow(() -> new AssertionError("no @DataBoundSetter for " + key.getKey()));
            setter.invoke(configuration, YAML.convertValue(key.getValue(), setter.getParameterTypes()[0]));
        }
    }

    /** As Configuration as Code exports a section: each {@code @DataBoundSetter}'s property that is set. */
    private static JsonNode exported(Object configuration) throws Exception {
        ObjectNode section = YAML.createObjectNode();
        for (Method setter : configuration.getClass().getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                String property = setter.getName().substring(3);
                Object value = configuration.getClass().getMethod("get" + property).invoke(configuration);
                if (value != null) {
                    section.set(Character.toLowerCase(property.charAt(0)) + property.substring(1),
                            YAML.valueToTree(value));
                }
            }
        }
        return section;
    }

    /**
     * An instance as Jenkins loads one from its XML file, without running a constructor (XStream does the same): the
     * constructors of the compile-only API cannot run here.
     */
    private static CountingSaves loaded() throws ReflectiveOperationException {
        return (CountingSaves) ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(CountingSaves.class, Object.class.getDeclaredConstructor())
                .newInstance();
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Counts saves instead of writing the configuration's file. */
    static final class CountingSaves extends OptimizedDeployConfiguration {
        private int saves;

        @Override
        public synchronized void save() {
            saves++;
        }
    }
}
