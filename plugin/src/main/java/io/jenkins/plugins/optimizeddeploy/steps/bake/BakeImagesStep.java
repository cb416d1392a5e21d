package io.jenkins.plugins.optimizeddeploy.steps.bake;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.image.ImageReference;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.BuilderBackend;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.SourceRevision;
import io.jenkins.plugins.optimizeddeploy.forms.BackendField;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.RegistryField;
import io.jenkins.plugins.optimizeddeploy.forms.WorkspaceFileField;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.BuilderAccess;
import io.jenkins.plugins.optimizeddeploy.steps.ChannelProcesses;
import io.jenkins.plugins.optimizeddeploy.steps.NameList;
import io.jenkins.plugins.optimizeddeploy.steps.OptionalText;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryLogin;
import io.jenkins.plugins.optimizeddeploy.steps.RegistryStep;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.StepOutcome;
import io.jenkins.plugins.optimizeddeploy.steps.UserError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code bakeImages(registry: 'reg.example.com/team', file: 'docker-bake.hcl', group: 'essential', tags: [...],
 * backend: 'auto', credentialsId: '...', cache: [primary: 'registry', fallback: ['branch', 'default-branch',
 * 'local']])}: builds the bake file's targets on the agent, pushes them under the registry with a registry cache
 * per target and branch, and returns per target its image, digest, size, duration, steps and cache hit rate.
 */
public class BakeImagesStep extends RegistryStep implements StepInBuild {

    static final String FUNCTION_NAME = "bakeImages";
    static final String DEFAULT_FILE = "docker-bake.hcl";
    static final String DEFAULT_BRANCH = "main";

    private final String registry;
    private String file = DEFAULT_FILE;
    private String group;
    private List<String> targets = new ArrayList<>();
    private List<String> tags = new ArrayList<>();
    private String backend;
    private BakeCache cache = new BakeCache();
    private String platform;
    private String defaultBranch;
    private String commit;
    private String sourceUrl;

    @DataBoundConstructor
    public BakeImagesStep(String registry) {
        String given = OptionalText.of(registry);
        this.registry = given == null ? null : given.replaceAll("/+$", "");
    }

    /** The registry and repository prefix images go under, e.g. {@code reg.example.com/team}; unset: the default. */
    public String getRegistry() {
        return registry;
    }

    /** The bake file, relative to the workspace; {@code docker-bake.hcl} by default. */
    public String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        this.file = file == null || file.isBlank() ? DEFAULT_FILE : file.trim();
    }

    /** The group to build; unset: {@link #getTargets()}, else the bake file's default group. */
    public String getGroup() {
        return group;
    }

    @DataBoundSetter
    public void setGroup(String group) {
        this.group = OptionalText.of(group);
    }

    /** The targets to build when no group is given. */
    public List<String> getTargets() {
        return new ArrayList<>(targets);
    }

    @DataBoundSetter
    public void setTargets(List<String> targets) {
        this.targets = NameList.parse(targets);
    }

    /** The targets as the form shows them. */
    public String getTargetsText() {
        return NameList.text(targets);
    }

    /** The tags every image gets; none: the commit, {@code build-NUMBER} and the branch. */
    public List<String> getTags() {
        return new ArrayList<>(tags);
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        this.tags = NameList.parse(tags);
    }

    /** The tags as the form shows them. */
    public String getTagsText() {
        return NameList.text(tags);
    }

    /**
     * {@code auto} (buildx, then docker, then buildah), {@code buildx}, {@code docker} or {@code buildah}; unset: the
     * default under Manage Jenkins, else {@code auto}.
     */
    public String getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = OptionalText.of(backend);
    }

    public BakeCache getCache() {
        return cache;
    }

    @DataBoundSetter
    public void setCache(BakeCache cache) {
        this.cache = cache == null ? new BakeCache() : cache;
    }

    /** The platform to build for, e.g. {@code linux/amd64}; unset: the bake file's, else the agent's. */
    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = OptionalText.of(platform);
    }

    /**
     * The branch whose cache a new branch starts from; unset: {@code $CHANGE_TARGET}, else the default under Manage
     * Jenkins, else {@code main}.
     */
    public String getDefaultBranch() {
        return defaultBranch;
    }

    @DataBoundSetter
    public void setDefaultBranch(String defaultBranch) {
        this.defaultBranch = OptionalText.of(defaultBranch);
    }

    /**
     * The commit being built, for the commit tag and the revision label; unset: {@code $GIT_COMMIT}, which only a
     * Declarative Pipeline's checkout puts into the environment (a scripted one passes
     * {@code checkout(scm).GIT_COMMIT}).
     */
    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = OptionalText.of(commit);
    }

    /** The repository the images are built from, for the source label; unset: {@code $GIT_URL}. */
    public String getSourceUrl() {
        return sourceUrl;
    }

    @DataBoundSetter
    public void setSourceUrl(String sourceUrl) {
        this.sourceUrl = OptionalText.of(sourceUrl);
    }

    /**
     * The backend argument, else the default one, else {@code auto}.
     *
     * @throws BadInputException naming the value and the known backends
     */
    BuilderBackend builderBackend(StepDefaults defaults) {
        String chosen = StepDefaults.orDefault(backend, defaults.backend());
        return chosen == null ? BuilderBackend.AUTO : BuilderBackend.parse(chosen);
    }

    /**
     * What to build, with the revision and branches taken from the arguments, else from the build's environment
     * ({@code GIT_COMMIT}, {@code BRANCH_NAME}, {@code BUILD_NUMBER}, {@code GIT_URL}, {@code CHANGE_TARGET}); the
     * environment also sets bake variables. Arguments not given are taken from {@code defaults}.
     *
     * @throws BadInputException naming the argument when the registry is missing or an argument is not valid
     */
    public BuildRequest request(Map<String, String> environment, Instant created, StepDefaults defaults) {
        String registry = StepDefaults.orDefault(this.registry, defaults.registry());
        if (registry == null) {
            throw new BadInputException("the argument 'registry' is required, e.g. " + FUNCTION_NAME
                    + "(registry: 'reg.example.com/team', group: 'essential'), unless a default registry is set under"
                    + " Manage Jenkins");
        }
        ImageReference.registryOf(registry);
        if (group != null && !targets.isEmpty()) {
            throw new BadInputException("give either 'group' (" + group + ") or 'targets' (" + targets
                    + "), not both");
        }
        String branch = environment.getOrDefault("BRANCH_NAME", DEFAULT_BRANCH);
        String mainBranch = defaultBranch != null ? defaultBranch : environment.getOrDefault("CHANGE_TARGET",
                StepDefaults.orDefault(defaults.defaultBranch(), DEFAULT_BRANCH));
        SourceRevision revision = new SourceRevision(commit != null ? commit : environment.get("GIT_COMMIT"), branch,
                environment.get("BUILD_NUMBER"), sourceUrl != null ? sourceUrl : environment.get("GIT_URL"), created);
        return new BuildRequest(group != null ? List.of(group) : targets, registry, tags, revision, platform,
                cache.settings(registry, branch, mainBranch, defaults.cacheRepository()), environment);
    }

    /** The one line a user sees for a problem with their input or their build. */
    static String userError(RuntimeException e) {
        return UserError.line(FUNCTION_NAME, e);
    }

    /** The group, else the targets, else the bake file's default group. */
    public static String label(Map<String, Object> arguments) {
        String group = StepLabel.text(arguments, "group");
        if (group != null) {
            return group;
        }
        String targets = StepLabel.join(StepLabel.names(arguments, "targets"));
        return targets != null ? targets : "default group";
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PipelineExecution<>(new Execution(this), context);
    }

    @Override
    public Map<String, Object> perform(BuildContext build) throws IOException, InterruptedException {
        return new Execution(this).perform(build);
    }

    /**
     * Resolves the credentials and the revision on the controller and bakes on the agent. The bake's files and registry
     * traffic stay on the agent; its processes start through the step context's Launcher, which the agent reaches back
     * through a proxy ({@link ChannelProcesses}): a Launcher cannot travel to the agent, and its decorators
     * ({@code container()}) run on the controller.
     */
    private static final class Execution
            extends AgentStepWork<BakeImagesStep, StepOutcome<Map<String, Object>>, Map<String, Object>> {

        Execution(BakeImagesStep step) {
            super(step, FUNCTION_NAME);
        }

        @Override
        protected BakeImagesOnAgent onAgent(BuildContext build) throws IOException, InterruptedException {
            Map<String, String> buildEnvironment = environment(build);
            BuildRequest request = step.request(buildEnvironment, Instant.now(), build.defaults());
            BuilderBackend backend = step.builderBackend(build.defaults());
            RegistryLogin login = login(step, build);
            TaskListener listener = build.listener();
            FilePath workspace = build.workspace();
            BuilderAccess access = new BuilderAccess(login, buildEnvironment, step.isInsecure(),
                    WorkspaceList.tempDir(workspace).getRemote());
            return new BakeImagesOnAgent(step.getFile(), request, backend, access,
                    ChannelProcesses.export(workspace, build.launcher(), buildEnvironment, listener), listener);
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor
            implements RegistryField, WorkspaceFileField, BackendField, CredentialsIdField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Build and push the images of a bake file with a registry cache");
        }

        /** Its processes start through the node's Launcher, as {@code sh}'s do. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, Launcher.class);
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs);
        }
    }
}
