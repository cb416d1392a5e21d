package io.jenkins.plugins.optimizeddeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.errors.OperationFailedException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

class RetagImagesStepTest {

    @Test
    void shouldDefaultToEachImagesRepositoryNoCredentialsAndVerifiedTls() {
        RetagImagesStep step = new RetagImagesStep(List.of("reg.example.com/web:abc"), List.of("latest"));

        assertThat(step.getImages()).containsExactly("reg.example.com/web:abc");
        assertThat(step.getTags()).containsExactly("latest");
        assertThat(step.getTo()).isNull();
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.isInsecure()).isFalse();
    }

    @Test
    void shouldTakeTheOptionalArgumentsFromTheirSettersAndTreatBlankAsNone() {
        RetagImagesStep step = new RetagImagesStep(List.of("web"), List.of("latest"));

        step.setCredentialsId(" registry-login ");
        step.setTo(" prod.example.com/release/web ");
        step.setInsecure(true);

        assertThat(step.getCredentialsId()).isEqualTo("registry-login");
        assertThat(step.getTo()).isEqualTo("prod.example.com/release/web");
        assertThat(step.isInsecure()).isTrue();
        step.setTo(" ");
        assertThat(step.getTo()).isNull();
    }

    @Test
    void shouldSplitTheFormsImagesAndTagsAtCommasSpacesAndLines() {
        RetagImagesStep step = new RetagImagesStep(List.of("reg.example.com/web:abc,\nreg.example.com/worker:abc"),
                List.of("1.4.2, prod"));

        assertThat(step.getImages()).containsExactly("reg.example.com/web:abc", "reg.example.com/worker:abc");
        assertThat(step.getTags()).containsExactly("1.4.2", "prod");
        assertThat(step.getImagesText()).isEqualTo("reg.example.com/web:abc, reg.example.com/worker:abc");
        assertThat(step.getTagsText()).isEqualTo("1.4.2, prod");
    }

    @Test
    void shouldNameTheStepOnceInAUserError() {
        assertThat(RetagImagesStep.userError(new BadInputException("at least one new tag is required")))
                .isEqualTo("retagImages: at least one new tag is required");
    }

    @Test
    void shouldEscapeTerminalControlCharactersInAUserError() {
        assertThat(RetagImagesStep.userError(new OperationFailedException(
                "the registry answered 'denied\u001b]0;pwned\u0007'")))
                .isEqualTo("retagImages: the registry answered 'denied\\x1b]0;pwned\\x07'");
    }

    @Test
    void shouldBindEveryArgumentByName() throws NoSuchMethodException {
        Constructor<RetagImagesStep> constructor = RetagImagesStep.class.getConstructor(List.class, List.class);
        assertThat(constructor.isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        assertThat(constructor.getParameters()).extracting(parameter -> parameter.getName())
                .containsExactly("images", "tags");
        for (String setter : new String[] {"setCredentialsId", "setTo", "setInsecure"}) {
            assertThat(Arrays.stream(RetagImagesStep.class.getMethods())
                    .filter(method -> method.getName().equals(setter))
                    .map(method -> method.isAnnotationPresent(DataBoundSetter.class)))
                    .as(setter).containsExactly(true);
        }
    }

    @Test
    void shouldRegisterTheDescriptorAsADynamicallyLoadableExtensionUnderItsFunctionName() {
        Class<RetagImagesStep.DescriptorImpl> descriptor = RetagImagesStep.DescriptorImpl.class;

        assertThat(descriptor.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(descriptor.getAnnotation(Symbol.class).value()).containsExactly("retagImages");
    }
}
