package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The snippet generator's forms: every argument a step or its nested cache takes has a field and a help file. */
class StepFormTest {

    @ParameterizedTest
    @ValueSource(classes = {BakeImagesStep.class, BakeCache.class})
    void shouldHaveAFieldWithHelpForEveryArgument(Class<?> type) throws Exception {
        List<String> fields = formFields(type);

        assertThat(new TreeSet<>(fields)).as("fields of %s/config.jelly", type.getSimpleName())
                .isEqualTo(new TreeSet<>(arguments(type)));
        assertThat(fields).as("each once").doesNotHaveDuplicates();
        for (String field : fields) {
            assertThat(type.getResource(type.getSimpleName() + "/help-" + field + ".html"))
                    .as("help of %s.%s", type.getSimpleName(), field).isNotNull();
        }
    }

    @Test
    void shouldRegisterTheCacheFormsDescriptorSoTheStepsFormShowsItsFields() {
        assertThat(BakeCache.DescriptorImpl.class.getAnnotation(Extension.class)).isNotNull();
    }

    /** The {@code field} of every {@code f:entry} and {@code f:property} in the type's {@code config.jelly}. */
    private static List<String> formFields(Class<?> type) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream jelly = type.getResourceAsStream(type.getSimpleName() + "/config.jelly")) {
            assertThat(jelly).as("%s/config.jelly", type.getSimpleName()).isNotNull();
            NodeList elements = factory.newDocumentBuilder().parse(jelly).getElementsByTagNameNS("/lib/form", "*");
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                if (element.hasAttribute("field")) {
                    fields.add(element.getAttribute("field"));
                }
            }
            return fields;
        }
    }

    /** The names of the {@code @DataBoundConstructor}'s parameters and of the {@code @DataBoundSetter}s. */
    private static List<String> arguments(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Arrays.stream(constructor.getParameters()).map(Parameter::getName).forEach(names::add);
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }
}
