package io.jenkins.plugins.optimizeddeploy.jenkinsruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The runtime declares exactly what jenkins-api declares, so that what the plugin compiles against is what its tests
 * run on: every public and protected type, field, constructor and method, with its modifiers, generic signature,
 * thrown exceptions and runtime annotations. The only members the runtime adds are overrides of
 * {@link Object}'s methods (a build's name, a secret that hides itself), which every class has anyway.
 */
class SameDeclarationsAsJenkinsApiTest {

    @Test
    void shouldDeclareEveryTypeAndMemberOfJenkinsApiAndNothingMore() throws Exception {
        Path apiJar = Path.of(System.getProperty("jenkins-api.jar"));
        List<String> apiTypes = classNames(apiJar);
        try (URLClassLoader api = new ApiFirstClassLoader(apiJar.toUri().toURL(), Set.copyOf(apiTypes))) {
            Set<String> differences = new TreeSet<>();
            for (String name : apiTypes) {
                Class<?> declared = api.loadClass(name);
                if (!isExposed(declared)) {
                    continue;
                }
                Set<String> inApi = declarations(declared);
                Set<String> inRuntime = declarations(Class.forName(name));
                inApi.stream().filter(d -> !inRuntime.contains(d)).forEach(d -> differences.add("only in jenkins-api: " + d));
                inRuntime.stream().filter(d -> !inApi.contains(d)).forEach(d -> differences.add("only in the runtime: " + d));
            }
            assertThat(differences).isEmpty();
            assertThat(exposedRuntimeTypesIn(packagesOf(apiTypes))).isSubsetOf(apiTypes);
        }
    }

    private static Set<String> declarations(Class<?> type) {
        Set<String> declarations = new TreeSet<>();
        declarations.add(type.getName() + ": " + typeDeclaration(type));
        for (Field field : type.getDeclaredFields()) {
            if (isExposed(field.getModifiers()) && !field.isSynthetic()) {
                declarations.add(type.getName() + "." + field.getName() + ": " + modifiers(field.getModifiers()) + " "
                        + field.getGenericType().getTypeName() + annotations(field));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isExposed(constructor.getModifiers()) && !constructor.isSynthetic()) {
                declarations.add(type.getName() + ".<init>" + executable(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isExposed(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                    && !overridesObject(method)) {
                declarations.add(type.getName() + "." + method.getName() + executable(method) + ": "
                        + (method.isDefault() ? "default " : "") + method.getGenericReturnType().getTypeName()
                        + " default value " + value(method.getDefaultValue()));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (isExposed(nested)) {
                declarations.add(type.getName() + " declares " + nested.getName());
            }
        }
        return declarations;
    }

    private static String typeDeclaration(Class<?> type) {
        return modifiers(type.getModifiers()) + (type.isAnnotation() ? " @interface" : type.isInterface() ? " interface"
                : type.isEnum() ? " enum" : " class") + typeParameters(type.getTypeParameters()) + " extends "
                + (type.getGenericSuperclass() == null ? "-" : type.getGenericSuperclass().getTypeName())
                + " implements " + Arrays.stream(type.getGenericInterfaces()).map(Type::getTypeName).sorted().toList()
                + annotations(type);
    }

    private static String executable(Executable executable) {
        return typeParameters(executable.getTypeParameters()) + "("
                + Arrays.stream(executable.getGenericParameterTypes()).map(Type::getTypeName)
                        .collect(Collectors.joining(", "))
                + ") " + modifiers(executable.getModifiers()) + " varargs " + executable.isVarArgs() + " throws "
                + Arrays.stream(executable.getGenericExceptionTypes()).map(Type::getTypeName).sorted().toList()
                + annotations(executable);
    }

    private static String typeParameters(TypeVariable<?>[] parameters) {
        return Arrays.stream(parameters).map(p -> p.getName() + " extends "
                + Arrays.stream(p.getBounds()).map(Type::getTypeName).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(", ", "<", ">"));
    }

    /** What decides linkage and overriding: synchronized, transient and the like do not. */
    private static String modifiers(int modifiers) {
        return Modifier.toString(modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | Modifier.ABSTRACT));
    }

    /** An annotation member's default, the same text from either class loader. */
    private static String value(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(SameDeclarationsAsJenkinsApiTest::value).toList().toString();
        }
        return value instanceof Class<?> type ? type.getName() : String.valueOf(value);
    }

    private static String annotations(AnnotatedElement element) {
        return " " + Arrays.stream(element.getDeclaredAnnotations()).map(Annotation::toString).sorted().toList();
    }

    private static boolean overridesObject(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isExposed(Class<?> type) {
        return isExposed(type.getModifiers()) && (type.getDeclaringClass() == null || isExposed(type.getDeclaringClass()));
    }

    private static boolean isExposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<String> classNames(Path jarOrFolder) throws IOException {
        if (Files.isDirectory(jarOrFolder)) {
            try (Stream<Path> files = Files.walk(jarOrFolder)) {
                return files.map(jarOrFolder::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                        .map(SameDeclarationsAsJenkinsApiTest::className).sorted().toList();
            }
        }
        try (ZipFile jar = new ZipFile(jarOrFolder.toFile())) {
            return jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(SameDeclarationsAsJenkinsApiTest::className).sorted().toList();
        }
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }

    private static Set<String> packagesOf(List<String> types) {
        return types.stream().map(t -> t.substring(0, t.lastIndexOf('.'))).collect(Collectors.toSet());
    }

    /** The runtime's public and protected types in the packages of jenkins-api. */
    private static List<String> exposedRuntimeTypesIn(Set<String> packages) throws Exception {
        Path runtimeClasses = Path.of(hudson.FilePath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> exposed = new ArrayList<>();
        for (String type : classNames(runtimeClasses)) {
            if (packages.contains(type.substring(0, type.lastIndexOf('.'))) && isExposed(Class.forName(type))) {
                exposed.add(type);
            }
        }
        return exposed;
    }

    /** Loads jenkins-api's own types from its jar, and everything else (Guava, stapler, the JDK) as the test does. */
    private static final class ApiFirstClassLoader extends URLClassLoader {
        private final Set<String> apiTypes;

        ApiFirstClassLoader(URL apiJar, Set<String> apiTypes) {
            super(new URL[] {apiJar}, SameDeclarationsAsJenkinsApiTest.class.getClassLoader());
            this.apiTypes = apiTypes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!apiTypes.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
