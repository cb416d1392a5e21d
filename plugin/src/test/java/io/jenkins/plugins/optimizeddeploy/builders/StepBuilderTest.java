package io.jenkins.plugins.optimizeddeploy.builders;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.steps.bake.BakeImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.DeployImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.harden.HardenDockerfileStep;
import io.jenkins.plugins.optimizeddeploy.steps.retag.RetagImagesStep;
import io.jenkins.plugins.optimizeddeploy.steps.deploy.RollbackDeployStep;
import io.jenkins.plugins.optimizeddeploy.steps.verify.VerifyImageStep;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build steps hold a Pipeline step, configured with its form, and run exactly that step. */
class StepBuilderTest {

    static Stream<Arguments> builders() {
        HardenDockerfileStep harden = new HardenDockerfileStep();
        BakeImagesStep bake = new BakeImagesStep("reg.example.com/team");
        VerifyImageStep verify = new VerifyImageStep("reg.example.com/team/web:1.4.2");
        RetagImagesStep retag = new RetagImagesStep(List.of("reg.example.com/team/web:abc"), List.of("prod"));
        DeployImagesStep deploy = new DeployImagesStep("swarm", Map.of("web", "reg.example.com/team/web:1.4.2"));
        RollbackDeployStep rollback = new RollbackDeployStep("swarm", List.of("web"));
        return Stream.of(Arguments.of(new HardenDockerfileBuilder(harden), harden),
                Arguments.of(new DeployImagesBuilder(deploy), deploy),
                Arguments.of(new RollbackDeployBuilder(rollback), rollback),
                Arguments.of(new BakeImagesBuilder(bake), bake), Arguments.of(new VerifyImageBuilder(verify), verify),
                Arguments.of(new RetagImagesBuilder(retag), retag));
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldRunTheStepItIsConfiguredWith(StepBuilder builder, Object step) throws Exception {
        assertThat(builder.work()).isSameAs(step);
        assertThat(builder.getClass().getMethod("getStep").invoke(builder)).isSameAs(step);
    }

    @ParameterizedTest
    @MethodSource("builders")
    void shouldBindTheStepFromTheFormAndRegisterADynamicallyLoadableDescriptorWithoutASymbol(StepBuilder builder,
            Object step) {
        Constructor<?> constructor = builder.getClass().getConstructors()[0];
        assertThat(constructor.isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        assertThat(constructor.getParameterTypes()).containsExactly(step.getClass());
        assertThat(constructor.getParameters()[0].getName()).isEqualTo("step");

        Class<?> descriptor = builder.getClass().getDeclaredClasses()[0];
        assertThat(descriptor.getSuperclass()).isEqualTo(StepBuilder.StepBuilderDescriptor.class);
        assertThat(descriptor.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(descriptor.getAnnotation(Symbol.class))
                .as("the Pipeline step owns the name; a symbol here would shadow it in Job DSL and JCasC").isNull();
    }
}
