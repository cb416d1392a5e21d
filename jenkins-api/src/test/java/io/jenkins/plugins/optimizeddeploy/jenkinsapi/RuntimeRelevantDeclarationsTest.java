package io.jenkins.plugins.optimizeddeploy.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.FilePath;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Modifier;
import jenkins.model.GlobalConfiguration;
import net.java.sezpoz.Indexable;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.jvnet.hudson.annotation_indexer.Indexed;
import org.junit.jupiter.api.Test;

/**
 * What check_stubs.py reads from the sources must also be in the compiled class files: the annotation indexes
 * and the final members only work if the bytecode carries them.
 */
class RuntimeRelevantDeclarationsTest {

    @Test
    void shouldCarryIndexableAtRuntimeOnExtensionSoThatSezpozIndexesExtensions() {
        assertThat(Extension.class.isAnnotationPresent(Indexable.class)).isTrue();
        assertThat(Extension.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
    }

    @Test
    void shouldCarryIndexedAtRuntimeOnSymbolSoThatTheSymbolIndexIsWritten() {
        assertThat(Symbol.class.isAnnotationPresent(Indexed.class)).isTrue();
        assertThat(Symbol.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
    }

    @Test
    void shouldKeepTheFinalMembersFinalSoThatThePluginCannotOverrideThem() throws NoSuchMethodException {
        assertThat(Modifier.isFinal(SynchronousNonBlockingStepExecution.class.getMethod("start").getModifiers()))
                .isTrue();
        assertThat(Modifier.isFinal(FilePath.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(Secret.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(GlobalConfiguration.class.getMethod("getDescriptor").getModifiers())).isTrue();
        assertThat(Modifier.isFinal(Permission.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(ListBoxModel.Option.class.getModifiers())).isTrue();
    }
}
