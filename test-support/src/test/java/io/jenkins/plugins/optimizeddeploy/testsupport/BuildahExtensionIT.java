package io.jenkins.plugins.optimizeddeploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BuildahExtensionIT {
    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();
    @RegisterExtension
    static final BuildahExtension buildah = new BuildahExtension();

    @Test
    void shouldAnswerVersion() {
        CommandResult version = buildah.buildah("version").requireSuccess();

        assertThat(version.stdout()).contains("Version:");
    }

    @Test
    void shouldUseBuildahsDefaultStorageDriverAndNameVfsOnlyAsTheFallback() {
        String driver = buildah.storageDriver();

        assertThat(driver).isIn("overlay", "vfs");
        assertThat(buildah.globalArguments().contains("--storage-driver")).isEqualTo(driver.equals("vfs"));
    }

    @Test
    void shouldPullTheBusyboxBaseFromTheTlsRegistryIntoPrivateStorage() {
        String image = tls.pushBusyboxBase("base/busybox", "buildah");

        buildah.buildah("pull", "--cert-dir", tls.caCertificateDirectory().toString(), image).requireSuccess();
        CommandResult images = buildah.buildah("images", "--format", "{{.Name}}:{{.Tag}}").requireSuccess();

        assertThat(images.stdout()).contains(image);
    }
}
