package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.InvalidReferenceException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

class InspectImageStepTest {

    @Test
    void shouldDefaultToNoCredentialsAndVerifiedTls() {
        InspectImageStep step = new InspectImageStep("127.0.0.1:5000/app:1");

        assertThat(step.getImage()).isEqualTo("127.0.0.1:5000/app:1");
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.isInsecure()).isFalse();
    }

    @Test
    void shouldTakeTheOptionalArgumentsFromTheirSetters() {
        InspectImageStep step = new InspectImageStep("app");

        step.setCredentialsId(" registry-login ");
        step.setInsecure(true);

        assertThat(step.getCredentialsId()).isEqualTo("registry-login");
        assertThat(step.isInsecure()).isTrue();
    }

    @Test
    void shouldTreatABlankCredentialsIdAsNone() {
        InspectImageStep step = new InspectImageStep("app");

        step.setCredentialsId("  ");

        assertThat(step.getCredentialsId()).isNull();
    }

    @Test
    void shouldParseTheImageIntoItsCanonicalReference() {
        assertThat(new InspectImageStep(" ubuntu ").reference()).hasToString("docker.io/library/ubuntu:latest");
        assertThat(new InspectImageStep("127.0.0.1:5000/team/app:1.0").reference().registry())
                .isEqualTo("127.0.0.1:5000");
    }

    @Test
    void shouldRejectAMissingImageNamingTheArgumentAndTheStep() {
        for (String missing : Arrays.asList(null, "", "   ")) {
            assertThatThrownBy(() -> new InspectImageStep(missing).reference())
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(InspectImageStep.userError(e))
                            .startsWith("inspectImage: the argument 'image' is required"));
        }
    }

    @Test
    void shouldRejectAMalformedImageWithOneLineNamingTheReference() {
        assertThatThrownBy(() -> new InspectImageStep("Team/App:1").reference())
                .isInstanceOfSatisfying(InvalidReferenceException.class, e -> assertThat(InspectImageStep.userError(e))
                        .startsWith("inspectImage: Invalid image reference 'Team/App:1': ")
                        .doesNotContain("\n"));
    }

    @Test
    void shouldBindEveryArgumentByNameWithAGetterForTheSnippetGenerator() throws NoSuchMethodException {
        Constructor<InspectImageStep> constructor = InspectImageStep.class.getConstructor(String.class);
        assertThat(constructor.isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        assertThat(constructor.getParameters()[0].getName()).isEqualTo("image");

        for (String setter : new String[] {"setCredentialsId", "setInsecure"}) {
            assertThat(Arrays.stream(InspectImageStep.class.getMethods())
                    .filter(method -> method.getName().equals(setter))
                    .map(method -> method.isAnnotationPresent(DataBoundSetter.class)))
                    .as(setter).containsExactly(true);
        }
        Method credentialsId = InspectImageStep.class.getMethod("getCredentialsId");
        Method insecure = InspectImageStep.class.getMethod("isInsecure");
        assertThat(credentialsId.getReturnType()).isEqualTo(String.class);
        assertThat(insecure.getReturnType()).isEqualTo(boolean.class);
    }

    @Test
    void shouldRegisterTheDescriptorAsADynamicallyLoadableExtensionUnderItsFunctionName() {
        Class<InspectImageStep.DescriptorImpl> descriptor = InspectImageStep.DescriptorImpl.class;

        assertThat(descriptor.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(descriptor.getAnnotation(Symbol.class).value()).containsExactly(InspectImageStep.FUNCTION_NAME);
        assertThat(InspectImageStep.FUNCTION_NAME).isEqualTo("inspectImage");
    }
}
