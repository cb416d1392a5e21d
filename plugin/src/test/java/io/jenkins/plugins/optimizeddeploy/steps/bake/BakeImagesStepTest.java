package io.jenkins.plugins.optimizeddeploy.steps.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.cache.CacheFallback;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceRevision;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

class BakeImagesStepTest {

    private static final Instant STARTED = Instant.parse("2026-11-26T12:00:00Z");
    private static final Map<String, String> BRANCH_BUILD = Map.of("GIT_COMMIT", "0123abc", "BRANCH_NAME",
            "feature/login", "BUILD_NUMBER", "42", "GIT_URL", "https://git.example.com/team/app.git",
            "APP_VERSION", "1.2.3");

    @Test
    void shouldBakeTheDefaultGroupOfDockerBakeHclWithAutoBackendAndTheFullCacheChainByDefault() {
        BakeImagesStep step = new BakeImagesStep(" reg.example.com/team/ ");

        BuildRequest request = step.request(Map.of(), STARTED, StepDefaults.NONE);

        assertThat(step.getRegistry()).isEqualTo("reg.example.com/team");
        assertThat(step.getFile()).isEqualTo("docker-bake.hcl");
        assertThat(step.builderBackend(StepDefaults.NONE)).isEqualTo(BuilderBackend.AUTO);
        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.isInsecure()).isFalse();
        assertThat(request.targets()).isEmpty();
        assertThat(request.tags()).isEmpty();
        assertThat(request.registry()).isEqualTo("reg.example.com/team");
        assertThat(request.revision()).isEqualTo(new SourceRevision("", "main", "", "", STARTED));
        assertThat(request.cache().repository()).isEqualTo("reg.example.com/team/cache");
        assertThat(request.cache().branch()).isEqualTo("main");
        assertThat(request.cache().defaultBranch()).isEqualTo("main");
        assertThat(request.cache().fallbacks()).containsExactly(CacheFallback.BRANCH, CacheFallback.DEFAULT_BRANCH,
                CacheFallback.LOCAL);
    }

    @Test
    void shouldTakeTheRevisionAndTheBakeVariablesFromTheBuildsEnvironment() {
        BuildRequest request = new BakeImagesStep("reg.example.com/team").request(BRANCH_BUILD, STARTED,
                StepDefaults.NONE);

        assertThat(request.revision()).isEqualTo(new SourceRevision("0123abc", "feature/login", "42",
                "https://git.example.com/team/app.git", STARTED));
        assertThat(request.cache().branch()).isEqualTo("feature/login");
        assertThat(request.environment()).containsEntry("APP_VERSION", "1.2.3");
    }

    @Test
    void shouldTakeTheCommitAndSourceUrlAScriptedPipelineGivesOverTheEnvironments() {
        BakeImagesStep scripted = new BakeImagesStep("reg.example.com/team");
        scripted.setCommit(" 4567def ");
        scripted.setSourceUrl("https://git.example.com/team/other.git");

        SourceRevision revision = scripted.request(Map.of("BRANCH_NAME", "main", "BUILD_NUMBER", "7"), STARTED,
                StepDefaults.NONE).revision();
        SourceRevision overridden = scripted.request(BRANCH_BUILD, STARTED, StepDefaults.NONE).revision();

        assertThat(revision).isEqualTo(new SourceRevision("4567def", "main", "7",
                "https://git.example.com/team/other.git", STARTED));
        assertThat(overridden.commit()).isEqualTo("4567def");
        assertThat(overridden.sourceUrl()).isEqualTo("https://git.example.com/team/other.git");
        scripted.setCommit(" ");
        assertThat(scripted.getCommit()).isNull();
        assertThat(scripted.request(BRANCH_BUILD, STARTED, StepDefaults.NONE).revision().commit())
                .isEqualTo("0123abc");
    }

    @Test
    void shouldTakeTheDefaultsUnderManageJenkinsForTheArgumentsNotGiven() {
        StepDefaults defaults = new StepDefaults("reg.example.com/platform", "registry-ci", "cache.example.com/builds",
                "develop", "buildah", "warning");
        BakeImagesStep step = new BakeImagesStep(null);

        BuildRequest request = step.request(BRANCH_BUILD, STARTED, defaults);

        assertThat(request.registry()).isEqualTo("reg.example.com/platform");
        assertThat(request.cache().repository()).isEqualTo("cache.example.com/builds");
        assertThat(request.cache().defaultBranch()).isEqualTo("develop");
        assertThat(step.builderBackend(defaults)).isEqualTo(BuilderBackend.BUILDAH);
        assertThat(step.credentialsId(defaults)).isEqualTo("registry-ci");
    }

    @Test
    void shouldPreferItsArgumentsAndAPullRequestsTargetToTheDefaults() {
        StepDefaults defaults = new StepDefaults("reg.example.com/platform", "registry-ci", "cache.example.com/builds",
                "develop", "buildah", null);
        BakeImagesStep step = new BakeImagesStep("reg.example.com/team");
        step.setBackend("docker");
        step.setCredentialsId("team-login");
        BakeCache cache = new BakeCache();
        cache.setRepository("reg.example.com/team/caches");
        step.setCache(cache);

        BuildRequest request = step.request(Map.of("BRANCH_NAME", "PR-7", "CHANGE_TARGET", "release"), STARTED,
                defaults);

        assertThat(request.registry()).isEqualTo("reg.example.com/team");
        assertThat(request.cache().repository()).isEqualTo("reg.example.com/team/caches");
        assertThat(request.cache().defaultBranch()).isEqualTo("release");
        assertThat(step.builderBackend(defaults)).isEqualTo(BuilderBackend.DOCKER);
        assertThat(step.credentialsId(defaults)).isEqualTo("team-login");
    }

    @Test
    void shouldStartAPullRequestFromItsTargetBranchsCacheUnlessTheDefaultBranchIsGiven() {
        Map<String, String> pullRequest = Map.of("BRANCH_NAME", "PR-7", "CHANGE_TARGET", "develop");
        BakeImagesStep step = new BakeImagesStep("reg.example.com/team");

        assertThat(step.request(pullRequest, STARTED, StepDefaults.NONE).cache().defaultBranch()).isEqualTo("develop");
        step.setDefaultBranch(" trunk ");
        assertThat(step.request(pullRequest, STARTED, StepDefaults.NONE).cache().defaultBranch()).isEqualTo("trunk");
    }

    @Test
    void shouldSelectTheGroupOrTheTargetsAndTagAndCacheAsGiven() {
        BakeImagesStep step = new BakeImagesStep("reg.example.com/team");
        step.setFile("ci/docker-bake.json");
        step.setGroup(" essential ");
        step.setTags(List.of("1.2.3", " ", "stable"));
        step.setBackend("Buildah");
        step.setPlatform("linux/arm64");
        BakeCache cache = new BakeCache();
        cache.setFallback(List.of("default-branch"));
        cache.setRepository("cache.example.com/team/build-cache");
        step.setCache(cache);

        BuildRequest request = step.request(BRANCH_BUILD, STARTED, StepDefaults.NONE);

        assertThat(step.getFile()).isEqualTo("ci/docker-bake.json");
        assertThat(request.targets()).containsExactly("essential");
        assertThat(request.tags()).containsExactly("1.2.3", "stable");
        assertThat(request.platform()).isEqualTo("linux/arm64");
        assertThat(step.builderBackend(StepDefaults.NONE)).isEqualTo(BuilderBackend.BUILDAH);
        assertThat(request.cache().repository()).isEqualTo("cache.example.com/team/build-cache");
        assertThat(request.cache().fallbacks()).containsExactly(CacheFallback.DEFAULT_BRANCH);

        step.setGroup(null);
        step.setTargets(List.of("web", "api"));
        assertThat(step.request(BRANCH_BUILD, STARTED, StepDefaults.NONE).targets()).containsExactly("web", "api");
    }

    @Test
    void shouldSplitTheFormsOneTextIntoNamesAndShowThemBack() {
        BakeImagesStep step = new BakeImagesStep("reg.example.com/team");
        step.setTags(List.of(" 1.2.3, stable  latest "));
        step.setTargets(List.of("web,api"));
        BakeCache cache = new BakeCache();
        cache.setFallback(List.of("default-branch, local"));
        step.setCache(cache);

        assertThat(step.getTags()).containsExactly("1.2.3", "stable", "latest");
        assertThat(step.getTagsText()).isEqualTo("1.2.3, stable, latest");
        assertThat(step.getTargetsText()).isEqualTo("web, api");
        assertThat(cache.getFallbackText()).isEqualTo("default-branch, local");
        assertThat(step.request(Map.of(), STARTED, StepDefaults.NONE).cache().fallbacks())
                .containsExactly(CacheFallback.DEFAULT_BRANCH, CacheFallback.LOCAL);
        assertThat(new BakeImagesStep("reg.example.com/team").getTagsText()).isEmpty();
    }

    @Test
    void shouldLeaveTheLocalCacheFolderToTheAgentUnlessOneIsGiven() {
        BakeImagesStep step = new BakeImagesStep("reg.example.com/team");
        assertThat(step.request(Map.of(), STARTED, StepDefaults.NONE).cache().local()).isEmpty();

        BakeCache cache = new BakeCache();
        cache.setDirectory(" ../ci-cache ");
        step.setCache(cache);
        assertThat(step.request(Map.of(), STARTED, StepDefaults.NONE).cache().local()).contains(Path.of("../ci-cache"));
    }

    @Test
    void shouldNameTheArgumentThatIsMissingOrWrong() {
        assertThatThrownBy(() -> new BakeImagesStep(" ").request(Map.of(), STARTED, StepDefaults.NONE))
                .hasMessage("the argument 'registry' is required, e.g. bakeImages(registry: 'reg.example.com/team',"
                        + " group: 'essential'), unless a default registry is set under Manage Jenkins");

        assertThatThrownBy(() -> new BakeImagesStep("Reg.example.com/Team").request(Map.of(), STARTED,
                StepDefaults.NONE)).hasMessage("Invalid registry and repository prefix 'Reg.example.com/Team':"
                        + " repository 'Team' must be lowercase");

        BakeImagesStep both = new BakeImagesStep("reg.example.com/team");
        both.setGroup("essential");
        both.setTargets(List.of("web"));
        assertThatThrownBy(() -> both.request(Map.of(), STARTED, StepDefaults.NONE))
                .hasMessage("give either 'group' (essential) or 'targets' ([web]), not both");

        BakeImagesStep backend = new BakeImagesStep("reg.example.com/team");
        backend.setBackend("kaniko");
        assertThatThrownBy(() -> backend.builderBackend(StepDefaults.NONE)).hasMessageContaining("'kaniko'")
                .hasMessageContaining("auto, buildx, docker, buildah");

        BakeImagesStep primary = new BakeImagesStep("reg.example.com/team");
        BakeCache inline = new BakeCache();
        inline.setPrimary("inline");
        primary.setCache(inline);
        assertThatThrownBy(() -> primary.request(Map.of(), STARTED, StepDefaults.NONE))
                .hasMessage("cache primary 'inline' is not known (known: registry)");

        BakeImagesStep fallback = new BakeImagesStep("reg.example.com/team");
        BakeCache remote = new BakeCache();
        remote.setFallback(List.of("branch", "s3"));
        fallback.setCache(remote);
        assertThatThrownBy(() -> fallback.request(Map.of(), STARTED, StepDefaults.NONE)).hasMessageContaining("'s3'");
    }

    @Test
    void shouldPutTheStepsNameBeforeAUserError() {
        assertThat(BakeImagesStep.userError(new BadInputException("the bake file is missing")))
                .isEqualTo("bakeImages: the bake file is missing");
    }

    @Test
    void shouldBindEveryArgumentByName() throws NoSuchMethodException {
        Constructor<BakeImagesStep> constructor = BakeImagesStep.class.getConstructor(String.class);
        assertThat(constructor.isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        assertThat(constructor.getParameters()).extracting(parameter -> parameter.getName())
                .containsExactly("registry");
        for (String setter : new String[] {"setFile", "setGroup", "setTargets", "setTags", "setBackend",
            "setCredentialsId", "setCache", "setPlatform", "setDefaultBranch", "setInsecure"}) {
            assertThat(Arrays.stream(BakeImagesStep.class.getMethods())
                    .filter(method -> method.getName().equals(setter))
                    .map(method -> method.isAnnotationPresent(DataBoundSetter.class)))
                    .as(setter).containsExactly(true);
        }
        assertThat(BakeCache.class.getConstructor().isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        for (String setter : new String[] {"setPrimary", "setFallback", "setRepository", "setDirectory"}) {
            assertThat(Arrays.stream(BakeCache.class.getMethods())
                    .filter(method -> method.getName().equals(setter))
                    .map(method -> method.isAnnotationPresent(DataBoundSetter.class)))
                    .as(setter).containsExactly(true);
        }
    }

    @Test
    void shouldRegisterTheDescriptorAsADynamicallyLoadableExtensionUnderItsFunctionName() {
        Class<BakeImagesStep.DescriptorImpl> descriptor = BakeImagesStep.DescriptorImpl.class;

        assertThat(descriptor.getAnnotation(Extension.class).dynamicLoadable()).isEqualTo(YesNoMaybe.YES);
        assertThat(descriptor.getAnnotation(Symbol.class).value()).containsExactly("bakeImages");
    }
}
