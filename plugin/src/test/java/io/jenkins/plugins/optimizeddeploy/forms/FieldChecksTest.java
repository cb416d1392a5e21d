package io.jenkins.plugins.optimizeddeploy.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void shouldAcceptAnImageReferenceAndNameTheBadPartOfAnInvalidOne() {
        assertThat(FieldChecks.image(" registry.example.com/team/web:1.4.2 ")).isEmpty();
        assertThat(FieldChecks.image("127.0.0.1:5000/web@sha256:" + "a".repeat(64))).isEmpty();

        assertThat(FieldChecks.image("registry.example.com/Team/web:1.4.2")).get().asString()
                .contains("'registry.example.com/Team/web:1.4.2'").contains("must be lowercase");
        assertThat(FieldChecks.image(" ")).get().asString().startsWith("An image is required");
    }

    @Test
    void shouldCheckEveryImageOfAListSeparatedByCommasSpacesOrLines() {
        assertThat(FieldChecks.images("reg.example.com/web:abc, reg.example.com/worker:abc\nreg.example.com/api:abc"))
                .isEmpty();

        assertThat(FieldChecks.images("reg.example.com/web:abc\nreg.example.com/worker:-bad")).get().asString()
                .contains("'reg.example.com/worker:-bad'");
        assertThat(FieldChecks.images("")).get().asString().startsWith("At least one image is required");
    }

    @Test
    void shouldAcceptARegistryHostOrARepositoryPrefixAndRefuseATag() {
        assertThat(FieldChecks.registryPrefix("registry.example.com/team")).isEmpty();
        assertThat(FieldChecks.registryPrefix("127.0.0.1:5000")).isEmpty();
        assertThat(FieldChecks.registryPrefix("registry.example.com/team/")).isEmpty();
        assertThat(FieldChecks.registryPrefix("")).as("unset: the default applies").isEmpty();

        assertThat(FieldChecks.registryPrefix("registry.example.com/team:1.0")).get().asString()
                .isEqualTo("Invalid registry and repository prefix 'registry.example.com/team:1.0': a prefix takes no tag"
                        + " or digest");
        assertThat(FieldChecks.registryPrefix("registry.example.com/Team")).get().asString()
                .contains("must be lowercase");
    }

    @Test
    void shouldAcceptARepositoryWithoutTagOrDigestOnly() {
        assertThat(FieldChecks.repository("prod.example.com/release/web")).isEmpty();
        assertThat(FieldChecks.repository(null)).isEmpty();

        assertThat(FieldChecks.repository("prod.example.com/release/web:1.0")).get().asString()
                .contains("takes no tag or digest");
    }

    @Test
    void shouldAcceptFilesInsideTheWorkspaceOnly() {
        assertThat(FieldChecks.workspaceFile("services/web/Dockerfile")).isEmpty();
        assertThat(FieldChecks.workspaceFile("./reports/../dockerfile.sarif")).isEmpty();
        assertThat(FieldChecks.workspaceFile(" ")).isEmpty();

        assertThat(FieldChecks.workspaceFile("../other/Dockerfile")).get().asString()
                .isEqualTo("'../other/Dockerfile' is not inside the workspace: give a path relative to it");
        assertThat(FieldChecks.workspaceFile("/etc/passwd")).get().asString().contains("not inside the workspace");
        assertThat(FieldChecks.workspaceFile("bad\0name")).get().asString()
                .startsWith("'bad\0name' is not a file name");
    }

    @Test
    void shouldCheckEveryFileOfAListOnePerLine() {
        assertThat(FieldChecks.workspaceFiles("web/Dockerfile\n\nworker/Dockerfile")).isEmpty();

        assertThat(FieldChecks.workspaceFiles("web/Dockerfile\n../worker/Dockerfile")).get().asString()
                .startsWith("'../worker/Dockerfile'");
    }
}
