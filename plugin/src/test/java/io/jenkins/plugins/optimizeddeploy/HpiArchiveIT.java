package io.jenkins.plugins.optimizeddeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the packaged {@code target/optimized-deploy.hpi} and checks what Jenkins core reads from it
 * (as maven-hpi-plugin lays it out): manifest, plugin jar, indexes, stapler files and the bundled libraries.
 */
class HpiArchiveIT {

    private static final String PLUGIN_JAR = "WEB-INF/lib/optimized-deploy.jar";
    private static final String EXTENSION_INDEX = "META-INF/annotations/hudson.Extension";
    private static final String SYMBOL_INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";
    private static final List<String> PLUGIN_ATTRIBUTES = List.of("Group-Id", "Artifact-Id", "Short-Name",
            "Long-Name", "Url", "Plugin-Version", "Hudson-Version", "Jenkins-Version", "Plugin-Dependencies",
            "Support-Dynamic-Loading", "Plugin-License-Name", "Plugin-License-Url");
    /** Packages of core, of API plugins and of libraries they provide: none of it may be bundled. */
    private static final List<String> PROVIDED_PACKAGES = List.of("hudson/", "jenkins/", "org/jenkinsci/",
            "com/cloudbees/", "org/kohsuke/", "org/jvnet/", "net/java/sezpoz/", "com/fasterxml/jackson/",
            "com/google/common/", "groovy/", "org/codehaus/groovy/", "org/apache/commons/io/", "org/apache/hc/",
            // the fabric8 client and what it runs on come with the kubernetes-client-api plugin
            "io/fabric8/", "io/vertx/", "io/netty/", "okhttp3/", "okio/", "org/slf4j/");

    @TempDir
    static Path extracted;

    private static Path hpi;
    private static Path pluginJar;
    private static JavaClasses pluginClasses;

    @BeforeAll
    static void extractThePluginJar() throws IOException {
        hpi = Path.of(requiredProperty("hpi.file"));
        assertThat(hpi).as("the packaged plugin (run mvn verify)").isRegularFile();
        pluginJar = extracted.resolve("optimized-deploy.jar");
        try (JarFile archive = new JarFile(hpi.toFile()); InputStream in = archive.getInputStream(entry(archive, PLUGIN_JAR))) {
            Files.copy(in, pluginJar);
        }
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            pluginClasses = new ClassFileImporter().importJar(jar);
        }
    }

    @Test
    void shouldCarryThePluginManifestThatCoreReads() throws IOException {
        Attributes manifest = mainAttributes(hpi);

        assertThat(manifest.getValue("Short-Name")).isEqualTo("optimized-deploy");
        assertThat(manifest.getValue("Artifact-Id")).isEqualTo("optimized-deploy");
        assertThat(manifest.getValue("Group-Id")).isEqualTo(requiredProperty("hpi.expected.groupId"));
        assertThat(manifest.getValue("Long-Name")).isEqualTo(requiredProperty("hpi.expected.name"));
        assertThat(manifest.getValue("Url")).isEqualTo(requiredProperty("hpi.expected.url"));
        assertThat(manifest.getValue("Plugin-Version")).isEqualTo(requiredProperty("hpi.expected.version"));
        assertThat(manifest.getValue("Jenkins-Version")).isEqualTo(requiredProperty("hpi.expected.jenkinsVersion"));
        assertThat(manifest.getValue("Hudson-Version")).isEqualTo(manifest.getValue("Jenkins-Version"));
        assertThat(manifest.getValue("Plugin-License-Name")).isEqualTo("MIT License");
        assertThat(manifest.getValue("Plugin-License-Url")).isEqualTo("https://opensource.org/licenses/MIT");
    }

    @Test
    void shouldDependOnThePluginsItLinksAgainstWithTheBomVersions() throws IOException {
        Map<String, String> dependencies = pluginDependencies(mainAttributes(hpi).getValue("Plugin-Dependencies"));

        assertThat(dependencies).containsOnlyKeys("apache-httpcomponents-client-5-api", "credentials", "jackson2-api",
                "kubernetes-client-api", "plain-credentials", "structs", "workflow-step-api");
        assertThat(dependencies).containsEntry("kubernetes-client-api", "7.3.1-256.v788a_0b_787114");
        assertThat(pluginDependencies(requiredProperty("hpi.expected.pluginDependencies")))
                .isEqualTo(dependencies);
        assertThat(dependencies.values()).allSatisfy(version -> assertThat(version).isNotBlank().doesNotContain("$"));
    }

    @Test
    void shouldPutTheSamePluginManifestIntoThePluginJarForJenkinsClassFilter() throws IOException {
        Attributes archive = mainAttributes(hpi);
        Attributes jar = mainAttributes(pluginJar);

        for (String attribute : PLUGIN_ATTRIBUTES) {
            assertThat(jar.getValue(attribute)).as(attribute).isEqualTo(archive.getValue(attribute));
        }
        // ClassFilterImpl.isPluginManifest: without this, Jenkins refuses to (de)serialise the plugin's classes.
        assertThat(jar.getValue("Short-Name")).isNotNull();
        assertThat(jar.getValue("Plugin-Version")).isNotNull();
    }

    @Test
    void shouldStartWithTheManifestSoThatStreamingReadersFindIt() throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(hpi))) {
            assertThat(in.getManifest()).isNotNull();
        }
    }

    @Test
    void shouldDescribeThePluginInIndexJellyAtThePluginJarRoot() throws IOException {
        assertThat(text(pluginJar, "index.jelly")).contains("<?jelly escape-by-default='true'?>").contains("<div>");
    }

    @Test
    void shouldEscapeEveryJellyViewAndShipTheBuildSummaryAndEachStepsHelp() throws IOException {
        List<String> jelly = entryNames(pluginJar).stream().filter(name -> name.endsWith(".jelly")).toList();

        assertThat(jelly).contains("io/jenkins/plugins/optimizeddeploy/action/OptimizedDeployAction/summary.jelly",
                "io/jenkins/plugins/optimizeddeploy/action/OptimizedDeployAction/index.jelly",
                "io/jenkins/plugins/optimizeddeploy/action/OptimizedDeployJobAction/floatingBox.jelly",
                "io/jenkins/plugins/optimizeddeploy/steps/bake/BakeImagesStep/config.jelly",
                "io/jenkins/plugins/optimizeddeploy/steps/harden/HardenDockerfileStep/config.jelly",
                "io/jenkins/plugins/optimizeddeploy/steps/verify/VerifyImageStep/config.jelly",
                "io/jenkins/plugins/optimizeddeploy/builders/RetagImagesBuilder/config.jelly",
                "io/jenkins/plugins/optimizeddeploy/config/OptimizedDeployConfiguration/config.jelly");
        for (String view : jelly) {
            assertThat(text(pluginJar, view)).as(view).startsWith("<?jelly escape-by-default='true'?>");
        }
        assertThat(entryNames(pluginJar)).contains("io/jenkins/plugins/optimizeddeploy/steps/bake/BakeImagesStep/help.html",
                "io/jenkins/plugins/optimizeddeploy/steps/harden/HardenDockerfileStep/help.html",
                "io/jenkins/plugins/optimizeddeploy/steps/verify/VerifyImageStep/help.html");
    }

    @Test
    void shouldIndexEveryExtensionOfTheCompiledClasses() throws Exception {
        Set<String> annotated = new TreeSet<>();
        for (JavaClass type : pluginClasses) {
            if (type.isAnnotatedWith(Extension.class.getName())) {
                annotated.add(type.getName());
            }
            type.getFields().stream().filter(field -> field.isAnnotatedWith(Extension.class.getName()))
                    .forEach(field -> annotated.add(type.getName() + "#" + field.getName()));
            type.getMethods().stream().filter(method -> method.isAnnotatedWith(Extension.class.getName()))
                    .forEach(method -> annotated.add(type.getName() + "#" + method.getName()));
        }

        Set<String> indexed = new TreeSet<>(extensionIndex().keySet());

        assertThat(annotated).contains("io.jenkins.plugins.optimizeddeploy.steps.inspect.InspectImageStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.steps.verify.VerifyImageStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.builders.HardenDockerfileBuilder$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.builders.BakeImagesBuilder$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.builders.VerifyImageBuilder$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.builders.RetagImagesBuilder$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.config.OptimizedDeployConfiguration",
                "io.jenkins.plugins.optimizeddeploy.action.OptimizedDeployJobAction$Factory");
        assertThat(indexed).isEqualTo(annotated);
    }

    @Test
    void shouldDeclareSupportDynamicLoadingAsMavenHpiPluginComputesIt() throws Exception {
        Set<String> dynamicLoadable = new TreeSet<>(extensionIndex().values());
        String expected = dynamicLoadable.contains("NO") ? "false" : dynamicLoadable.contains("MAYBE") ? null : "true";

        assertThat(mainAttributes(hpi).getValue("Support-Dynamic-Loading"))
                .as("Support-Dynamic-Loading for extensions marked %s (set hpi.supportDynamicLoading in the pom)",
                        dynamicLoadable)
                .isEqualTo(expected);
    }

    @Test
    void shouldIndexEverySymbolOfTheCompiledClassesSortedByBinaryName() throws IOException {
        List<String> annotated = pluginClasses.stream()
                .filter(type -> type.isAnnotatedWith("org.jenkinsci.Symbol"))
                .map(JavaClass::getName)
                .sorted()
                .toList();

        // Configuration as Code finds the global configuration's section by its symbol, through this index.
        assertThat(annotated).contains("io.jenkins.plugins.optimizeddeploy.steps.inspect.InspectImageStep$DescriptorImpl",
                "io.jenkins.plugins.optimizeddeploy.config.OptimizedDeployConfiguration");
        assertThat(text(pluginJar, SYMBOL_INDEX).lines().toList()).isEqualTo(annotated);
    }

    @Test
    void shouldCarryTheStaplerParameterNamesOfEveryDataBoundConstructor() throws IOException {
        List<JavaClass> bound = pluginClasses.stream()
                .filter(type -> type.getConstructors().stream()
                        .anyMatch(constructor -> constructor.isAnnotatedWith("org.kohsuke.stapler.DataBoundConstructor")))
                .toList();
        assertThat(bound).extracting(JavaClass::getName)
                .contains("io.jenkins.plugins.optimizeddeploy.steps.inspect.InspectImageStep");

        for (JavaClass type : bound) {
            String staplerFile = type.getName().replace('.', '/').replace('$', '/') + ".stapler";
            Properties properties = new Properties();
            properties.load(new StringReader(text(pluginJar, staplerFile)));
            assertThat(properties.getProperty("constructor")).as(staplerFile).isNotNull();
        }
        assertThat(text(pluginJar, "io/jenkins/plugins/optimizeddeploy/steps/inspect/InspectImageStep.stapler"))
                .contains("constructor=image");
        assertThat(text(pluginJar, "io/jenkins/plugins/optimizeddeploy/steps/retag/RetagImagesStep.stapler"))
                .contains("constructor=images,tags");
        assertThat(text(pluginJar, "io/jenkins/plugins/optimizeddeploy/steps/bake/BakeImagesStep.stapler"))
                .contains("constructor=registry");
    }

    @Test
    void shouldBundleTheEngineAndNoLibraryThatCoreOrAnApiPluginProvides() throws IOException {
        List<String> bundled = entryNames(hpi).stream()
                .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                .map(name -> name.substring("WEB-INF/lib/".length()))
                .sorted()
                .toList();

        assertThat(bundled)
                .as("WEB-INF/lib holds the plugin jar and the engine; a further library may only be one that neither"
                        + " core nor an API plugin provides, and is then added here")
                .containsExactly(requiredProperty("hpi.expected.engineArtifact"), "optimized-deploy.jar",
                        requiredProperty("hpi.expected.spdxLicenseIdsArtifact"));
    }

    @Test
    void shouldBundleNoJenkinsJacksonGuavaGroovyStaplerSezpozOrFabric8Classes() throws IOException {
        for (String jarName : entryNames(hpi)) {
            if (!jarName.startsWith("WEB-INF/lib/") || !jarName.endsWith(".jar")) {
                continue;
            }
            Path jar = extracted.resolve("bundled-" + jarName.substring("WEB-INF/lib/".length()));
            try (JarFile archive = new JarFile(hpi.toFile()); InputStream in = archive.getInputStream(entry(archive, jarName))) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(entryNames(jar)).as(jarName)
                    .noneMatch(entry -> PROVIDED_PACKAGES.stream().anyMatch(entry::startsWith));
        }
    }

    @Test
    void shouldKeepClassesInJarsOnlyNotInTheLegacyWebInfClasses() throws IOException {
        assertThat(entryNames(hpi)).noneMatch(name -> name.startsWith("WEB-INF/classes/"));
    }

    /** The sezpoz index read with sezpoz's own Index API: element name to its dynamicLoadable value. */
    private static Map<String, String> extensionIndex() throws Exception {
        URL[] apis = {codeSource(Extension.class), codeSource(Index.class)};
        Map<String, String> index = new LinkedHashMap<>();
        // Only the plugin jar and the API jars are visible, so the index can only come from the plugin jar.
        try (URLClassLoader api = new URLClassLoader(apis, ClassLoader.getPlatformClassLoader());
                URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()}, api)) {
            Class<? extends Annotation> extension = plugin.loadClass(Extension.class.getName()).asSubclass(Annotation.class);
            Method dynamicLoadable = extension.getMethod("dynamicLoadable");
            for (IndexItem<? extends Annotation, Object> item : Index.load(extension, Object.class, plugin)) {
                String element = item.memberName() == null ? item.className() : item.className() + "#" + item.memberName();
                index.put(element, ((Enum<?>) dynamicLoadable.invoke(item.annotation())).name());
            }
        }
        assertThat(index).as(EXTENSION_INDEX).isNotEmpty();
        return index;
    }

    private static Map<String, String> pluginDependencies(String attribute) {
        // As PluginWrapper.Dependency parses it: "name:version[;resolution:=optional]", comma-separated.
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String dependency : attribute.split(",")) {
            int colon = dependency.indexOf(':');
            assertThat(colon).as("'%s' has the form name:version", dependency).isPositive();
            dependencies.put(dependency.substring(0, colon).trim(), dependency.substring(colon + 1).split(";")[0].trim());
        }
        return dependencies;
    }

    private static Attributes mainAttributes(Path jar) throws IOException {
        try (JarFile archive = new JarFile(jar.toFile())) {
            Manifest manifest = archive.getManifest();
            assertThat(manifest).as("manifest of %s", jar).isNotNull();
            return manifest.getMainAttributes();
        }
    }

    private static String text(Path jar, String name) throws IOException {
        try (JarFile archive = new JarFile(jar.toFile()); InputStream in = archive.getInputStream(entry(archive, name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> entryNames(Path jar) throws IOException {
        try (JarFile archive = new JarFile(jar.toFile())) {
            return Collections.list(archive.entries()).stream().map(ZipEntry::getName).collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static ZipEntry entry(JarFile archive, String name) {
        ZipEntry entry = archive.getEntry(name);
        assertThat(entry).as("%s in %s", name, archive.getName()).isNotNull();
        return entry;
    }

    private static URL codeSource(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the jar of " + type.getName(), e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by maven-failsafe-plugin in plugin/pom.xml)", name).isNotBlank();
        return value;
    }
}
