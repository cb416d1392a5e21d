package io.jenkins.plugins.optimizeddeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.tasks.Builder;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.defaults.OptimizedDeployDefaultsStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.RollbackDeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileStep;
import io.jenkins.plugins.optimizeddeploy.steps.inspect.InspectImageStep;
import io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.verify.VerifyImageStep;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The forms of every Pipeline step, freestyle build step and the global configuration, derived from the compiled
 * classes: every argument ({@code @DataBoundConstructor} parameter and {@code @DataBoundSetter}) has one field in the
 * type's {@code config.jelly} and a help file, or, for a nested object ({@code f:property}), a form of its own that
 * passes the same checks; a list is filled by the descriptor; what names an image, a registry or a file is checked
 * by the descriptor, over POST and for a user allowed to configure.
 */
class StepFormTest {

    private static final String FORM = "/lib/form";
    private static final String CREDENTIALS_FORM = "/lib/credentials";
    /** The fields whose values name images, registries or files: the descriptor checks them as they are typed. */
    private static final Set<String> CHECKED_FIELDS = Set.of("image", "images", "registry", "to", "repository",
            "cacheRepository", "file", "files", "sarif", "config");

    static Stream<Class<?>> configurableTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new ArchitectureTest.PluginClassesOnly())
                .importPackages("io.jenkins.plugins.optimizeddeploy").stream()
                .map(JavaClass::reflect)
                .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> Step.class.isAssignableFrom(type) || Builder.class.isAssignableFrom(type)
                        || GlobalConfiguration.class.isAssignableFrom(type))
                .map(type -> (Class<?>) type);
    }

    static Stream<Class<?>> pipelineSteps() {
        return configurableTypes().filter(Step.class::isAssignableFrom);
    }

    @Test
    void shouldFindEveryStepBuildStepAndTheGlobalConfiguration() {
        assertThat(configurableTypes().map(Class::getSimpleName)).containsExactlyInAnyOrder("BakeImagesStep",
                "HardenDockerfileStep", "InspectImageStep", "RetagImagesStep", "VerifyImageStep", "DeployImagesStep",
                "RollbackDeployStep", "OptimizedDeployDefaultsStep", "BakeImagesBuilder", "HardenDockerfileBuilder", "RetagImagesBuilder",
                "VerifyImageBuilder", "DeployImagesBuilder", "RollbackDeployBuilder", "OptimizedDeployConfiguration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurableTypes")
    void shouldHaveAHelpPageAndAFormFieldWithHelpForEveryArgument(Class<?> type) throws Exception {
        assertThat(type.getResource(type.getSimpleName() + "/help.html")).as("%s/help.html", type.getSimpleName())
                .isNotNull();
        assertFormComplete(type);
    }

    /** Jenkins finds a descriptor in the extension index the compiler wrote (sezpoz), read here as Jenkins reads it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configurableTypes")
    void shouldHaveItsDescriptorInTheExtensionIndexJenkinsLoads(Class<?> type) {
        assertThat(indexedExtensions()).as("the extension index on the class path")
                .contains(descriptorOf(type).getName());
    }

    static Stream<Arguments> pipelineStepArguments() {
        String web = "registry.example.com/team/web:1.4.2";
        return Stream.of(
                Arguments.of(BakeImagesStep.DescriptorImpl.class, Map.of("targets", List.of("web", "worker"),
                        "credentialsId", "registry-ci"), "web, worker"),
                Arguments.of(HardenDockerfileStep.DescriptorImpl.class, Map.of("file", "api/Dockerfile",
                        "failOn", "error"), "api/Dockerfile"),
                Arguments.of(InspectImageStep.DescriptorImpl.class, Map.of("image", web, "credentialsId", "ci"),
                        "web:1.4.2"),
                Arguments.of(VerifyImageStep.DescriptorImpl.class, Map.of("image", web, "failOn", "error"),
                        "web:1.4.2"),
                Arguments.of(RetagImagesStep.DescriptorImpl.class, Map.of("images", List.of(web),
                        "tags", List.of("prod")), "web:1.4.2 -> prod"),
                Arguments.of(DeployImagesStep.DescriptorImpl.class, Map.of("target", "swarm",
                        "services", Map.of("web", web)), "web:1.4.2 to swarm"),
                Arguments.of(RollbackDeployStep.DescriptorImpl.class, Map.of("target", "swarm",
                        "services", List.of("web")), "web to previous"));
    }

    /** What the Pipeline graph shows beside the step's name: Pipeline asks the descriptor, with the script's map. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelineStepArguments")
    void shouldLabelAPipelineStepsNodeWithItsSubject(Class<? extends StepDescriptor> descriptor,
            Map<String, Object> arguments, String label) {
        assertThat(ExtensionList.lookupSingleton(descriptor).argumentsToString(arguments)).isEqualTo(label);
    }

    @Test
    void shouldLabelEveryPipelineStepThatTakesArguments() {
        List<Class<?>> labelled = pipelineStepArguments()
                .<Class<?>>map(arguments -> ((Class<?>) arguments.get()[0]).getEnclosingClass()).toList();

        assertThat(labelled).containsExactlyInAnyOrderElementsOf(pipelineSteps()
                .filter(step -> step != OptimizedDeployDefaultsStep.class).toList());
    }

    /**
     * The form of {@code type}: its fields are its arguments, each once with help, or a nested form; lists are filled
     * and names checked by its descriptor.
     */
    private static void assertFormComplete(Class<?> type) throws Exception {
        Map<String, Element> fields = formFields(type);
        assertThat(new TreeSet<>(fields.keySet())).as("fields of %s/config.jelly", type.getSimpleName())
                .isEqualTo(new TreeSet<>(arguments(type)));
        Class<?> descriptor = descriptorOf(type);
        for (Map.Entry<String, Element> field : fields.entrySet()) {
            String name = field.getKey();
            String input = field.getValue().getLocalName();
            if (input.equals("property")) {
                Class<?> nested = type.getMethod("get" + capitalized(name)).getReturnType();
                assertThat(Describable.class).as("%s.%s has a form of its own", type.getSimpleName(), name)
                        .isAssignableFrom(nested);
                assertThat(indexedExtensions())
                        .as("the descriptor of %s, which renders its form, in the extension index", nested.getSimpleName())
                        .contains(descriptorOf(nested).getName());
                assertFormComplete(nested);
                continue;
            }
            assertThat(helpFile(type, name)).as("help-%s.html of %s or a superclass", name, type.getSimpleName())
                    .isTrue();
            if (input.equals("select")) {
                assertThat(publicMethod(descriptor, "doFill" + capitalized(name) + "Items"))
                        .as("%s fills the list of %s", descriptor.getName(), name).isNotNull();
            }
            if (CHECKED_FIELDS.contains(name)) {
                Method check = publicMethod(descriptor, "doCheck" + capitalized(name));
                assertThat(check).as("%s checks %s", descriptor.getName(), name).isNotNull();
                assertPostWithPermissionContext(check);
            }
        }
        if (fields.containsKey("credentialsId")) {
            assertThat(fields.get("credentialsId").getNamespaceURI()).as("credentialsId is a credentials list")
                    .isEqualTo(CREDENTIALS_FORM);
            assertPostWithPermissionContext(publicMethod(descriptor, "doFillCredentialsIdItems"));
        }
    }

    /** Only over POST, and with the job (or none, on Manage Jenkins) to check the user's permission against. */
    private static void assertPostWithPermissionContext(Method method) {
        assertThat(method.isAnnotationPresent(POST.class)).as("@POST on %s", method).isTrue();
        assertThat(Arrays.stream(method.getParameters())
                .filter(parameter -> parameter.isAnnotationPresent(AncestorInPath.class))
                .map(Parameter::getType)).as("@AncestorInPath Item of %s", method).containsExactly(Item.class);
    }

    /**
     * The field of every {@code f:entry} and {@code f:property} in the type's {@code config.jelly}, with the input
     * element of the entry (textbox, select, ...) or the property element itself.
     */
    private static Map<String, Element> formFields(Class<?> type) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream jelly = type.getResourceAsStream(type.getSimpleName() + "/config.jelly")) {
            assertThat(jelly).as("%s/config.jelly", type.getSimpleName()).isNotNull();
            NodeList elements = factory.newDocumentBuilder().parse(jelly).getElementsByTagNameNS(FORM, "*");
            Map<String, Element> fields = new LinkedHashMap<>();
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                if (element.hasAttribute("field")) {
                    Element input = element.getLocalName().equals("property") ? element : firstChildElement(element);
                    assertThat(fields.put(element.getAttribute("field"), input))
                            .as("%s once in %s/config.jelly", element.getAttribute("field"), type.getSimpleName())
                            .isNull();
                }
            }
            return fields;
        }
    }

    private static Element firstChildElement(Element entry) {
        for (int i = 0; i < entry.getChildNodes().getLength(); i++) {
            if (entry.getChildNodes().item(i) instanceof Element child) {
                return child;
            }
        }
        throw new AssertionError("f:entry " + entry.getAttribute("field") + " has no input");
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

    /** The classes and members in the extension index on the class path, as Jenkins loads it with sezpoz. */
    private static Set<String> indexedExtensions() {
        Set<String> indexed = new TreeSet<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class,
                StepFormTest.class.getClassLoader())) {
            indexed.add(item.memberName() == null ? item.className() : item.className() + "#" + item.memberName());
        }
        return indexed;
    }

    /** Its nested descriptor; a global configuration is its own. */
    private static Class<?> descriptorOf(Class<?> type) {
        if (Descriptor.class.isAssignableFrom(type)) {
            return type;
        }
        List<Class<?>> descriptors = Arrays.stream(type.getDeclaredClasses())
                .filter(Descriptor.class::isAssignableFrom).toList();
        assertThat(descriptors).as("the descriptor nested in %s", type.getName()).hasSize(1);
        return descriptors.get(0);
    }

    /** As Jenkins looks up a field's help: in the type's folder, then in its superclasses'. */
    private static boolean helpFile(Class<?> type, String field) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getResource(c.getSimpleName() + "/help-" + field + ".html") != null) {
                return true;
            }
        }
        return false;
    }

    private static Method publicMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(method -> method.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
