package io.jenkins.plugins.optimizeddeploy.library;

import com.lesfurets.jenkins.unit.MethodCall;
import com.lesfurets.jenkins.unit.MethodSignature;
import com.lesfurets.jenkins.unit.cps.BasePipelineTestCPS;
import com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration;
import groovy.lang.Closure;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.yaml.snakeyaml.Yaml;

/**
 * A Jenkinsfile run through the CPS transformer with the library loaded from the repository folder, the plugin's
 * steps answering with what they returned in real runs ({@code recorded/*.yaml}), and the steps that were called
 * kept in order.
 */
abstract class LibraryPipelineTest extends BasePipelineTestCPS {

    /** The steps and the Pipeline blocks whose calls the tests look at, in the order they ran. */
    static final Set<String> WATCHED = Set.of("node", "checkout", "stage", "hardenDockerfile", "bakeImages",
            "verifyImage", "retagImages", "deployImages", "rollbackDeploy", "error");

    final Map<String, Object> env = new LinkedHashMap<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    /** What the plugin's global configuration holds (what optimizedDeployDefaults returns). */
    final Map<String, Object> globalConfiguration = new LinkedHashMap<>();
    /** The line deployImages fails with, or null for a healthy deploy. */
    String deployFailure;
    /** The recorded result deployImages answers with, a file of {@code src/test/resources/recorded}. */
    String deployResult = "deployImages";

    @BeforeEach
    void setUpPipeline() throws Exception {
        setScriptRoots(new String[] {new File(RepositoryFolder.MODULE, "src/test/resources/jenkinsfiles").getPath(),
            RepositoryFolder.ROOT.getPath()});
        setScriptExtension("groovy");
        super.setUp();
        getHelper().registerSharedLibrary(LibraryConfiguration.library().name("optimized-deploy")
                .defaultVersion("main").retriever(new RepositoryFolder()).targetPath("unused").implicit(false)
                .allowOverride(true).build());
        env.put("BRANCH_NAME", "main");
        env.put("BUILD_URL", "https://jenkins.example.com/job/sample-app/job/main/42/");
        getBinding().setVariable("env", env);
        getBinding().setVariable("params", params);
        getBinding().setVariable("scm", Map.of("type", "GitSCM"));

        step("readYaml", Map.class, arguments -> new Yaml().load(String.valueOf(arguments.get("text"))));
        step("optimizedDeployDefaults", arguments -> new LinkedHashMap<>(globalConfiguration));
        step("checkout", Map.class, arguments -> Map.of("GIT_COMMIT", "3f9c2e1",
                "GIT_URL", "https://git.example.com/team/sample-app.git"));
        step("hardenDockerfile", Map.class, arguments -> recorded("hardenDockerfile"));
        step("bakeImages", Map.class, arguments -> recorded("bakeImages"));
        step("verifyImage", Map.class, arguments -> recorded("verifyImage"));
        step("retagImages", Map.class, arguments -> recorded("retagImages"));
        step("rollbackDeploy", Map.class, arguments -> recorded("rollbackDeploy"));
        step("deployImages", Map.class, arguments -> {
            if (deployFailure != null) {
                throw new IllegalStateException(deployFailure);
            }
            return recorded(deployResult);
        });
        block("node", () -> env.put("NODE_NAME", "agent-1"));
        getHelper().registerAllowedMethod(MethodSignature.method("error", String.class), (Object message) -> {
            updateBuildStatus("FAILURE");
            throw new IllegalStateException(String.valueOf(message));
        });
    }

    /** Runs a Jenkinsfile of {@code src/test/resources/jenkinsfiles} with {@code arguments} for the call. */
    Object run(String jenkinsfile, Map<String, Object> arguments) {
        getBinding().setVariable("arguments", arguments);
        runScript(jenkinsfile + ".groovy");
        return getBinding().getVariable("result");
    }

    /** The watched calls as {@code name(arguments)}, in order. */
    List<String> calls() {
        return getHelper().getCallStack().stream().filter(call -> WATCHED.contains(call.getMethodName()))
                .map(call -> call.getMethodName() + "(" + call.argsToString() + ")").toList();
    }

    /** The arguments of every call of one step, in order. */
    List<Object> argumentsOf(String step) {
        return getHelper().getCallStack().stream().filter(call -> call.getMethodName().equals(step))
                .map(MethodCall::getArgs).map(arguments -> arguments.length == 0 ? null : arguments[0])
                .map(argument -> argument instanceof CharSequence text ? text.toString() : argument)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The names of the stages that ran, in order. */
    List<String> stages() {
        return argumentsOf("stage").stream().map(String::valueOf).toList();
    }

    static Object recorded(String name) {
        try (InputStream in = LibraryPipelineTest.class.getResourceAsStream("/recorded/" + name + ".yaml")) {
            return new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded result " + name, e);
        }
    }

    <T> void step(String name, Class<T> argument, Function<T, Object> answer) {
        getHelper().registerAllowedMethod(MethodSignature.method(name, argument), answer);
    }

    void step(String name, Function<Map<String, Object>, Object> answer) {
        getHelper().registerAllowedMethod(MethodSignature.method(name), answer);
    }

    /** A Pipeline block such as {@code node { ... }}: does {@code before}, then runs its body as the CPS code it is. */
    void block(String name, Runnable before) {
        getHelper().registerAllowedMethod(name, List.of(Closure.class), new Closure<Object>(null) {
            @SuppressWarnings("unused") // called by Groovy
            public Object doCall(Closure<?> body) {
                before.run();
                return getHelper().callClosure(body);
            }
        });
    }
}
