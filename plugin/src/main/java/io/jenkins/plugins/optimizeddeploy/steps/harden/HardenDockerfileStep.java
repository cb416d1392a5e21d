package io.jenkins.plugins.optimizeddeploy.steps.harden;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.config.StepDefaults;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.engine.findings.FailureThreshold;
import io.jenkins.plugins.optimizeddeploy.forms.FailOnField;
import io.jenkins.plugins.optimizeddeploy.forms.LintFilesFields;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepDescriptor;
import io.jenkins.plugins.optimizeddeploy.steps.AgentStepWork;
import io.jenkins.plugins.optimizeddeploy.steps.BuildContext;
import io.jenkins.plugins.optimizeddeploy.steps.LintSummary;
import io.jenkins.plugins.optimizeddeploy.steps.OptionalText;
import io.jenkins.plugins.optimizeddeploy.steps.PipelineExecution;
import io.jenkins.plugins.optimizeddeploy.steps.StepInBuild;
import io.jenkins.plugins.optimizeddeploy.steps.StepLabel;
import io.jenkins.plugins.optimizeddeploy.steps.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code hardenDockerfile(file: 'Dockerfile', fix: false, failOn: 'error', sarif: 'dockerfile.sarif', config: '.hadolint.yaml')}:
 * lints Dockerfiles of the workspace with the hadolint-compatible and hardening rules, writes the report to the
 * build log (and SARIF into the workspace when asked) and returns the findings counted by severity and whether
 * they reach the failure threshold, in which case the step fails after the SARIF is written.
 */
public class HardenDockerfileStep extends Step implements StepInBuild {

    static final String FUNCTION_NAME = "hardenDockerfile";
    static final String DEFAULT_FILE = "Dockerfile";

    private String file = DEFAULT_FILE;
    private List<String> files = new ArrayList<>();
    private String failOn;
    private String sarif;
    private boolean fix;
    private String config;

    @DataBoundConstructor
    public HardenDockerfileStep() {
        // every argument is optional: hardenDockerfile() lints ./Dockerfile
    }

    /** The Dockerfile, relative to the workspace; {@code Dockerfile} unless {@link #getFiles()} names others. */
    public String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        this.file = OptionalText.of(file);
    }

    /**
     * Several Dockerfiles linted in one run, relative to the workspace; they replace {@link #getFile()}. The form
     * gives them as one text, a file per line, which Stapler binds as a list of one: entries are split at line breaks.
     */
    public List<String> getFiles() {
        return new ArrayList<>(files);
    }

    @DataBoundSetter
    public void setFiles(List<String> files) {
        this.files = files == null ? new ArrayList<>() : files.stream().filter(Objects::nonNull).flatMap(String::lines)
                .map(OptionalText::of).filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
    }

    /** The files as the form shows them: one per line. */
    public String getFilesText() {
        return String.join("\n", files);
    }

    /**
     * {@code error}, {@code warning}, {@code info}, {@code style} or {@code none}; unset: the default under Manage
     * Jenkins, else the hadolint configuration's.
     */
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = OptionalText.of(failOn);
    }

    /** Where to write the SARIF 2.1.0 report, relative to the workspace; none when unset. */
    public String getSarif() {
        return sarif;
    }

    @DataBoundSetter
    public void setSarif(String sarif) {
        this.sarif = OptionalText.of(sarif);
    }

    /** Fix in place, before linting, what has a safe fix (non-root user, --chown, HEALTHCHECK, exec form, COPY). */
    public boolean isFix() {
        return fix;
    }

    @DataBoundSetter
    public void setFix(boolean fix) {
        this.fix = fix;
    }

    /** A hadolint configuration file, relative to the workspace; unset: .hadolint.yaml or .hadolint.yml if there. */
    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = OptionalText.of(config);
    }

    /** The files to lint: {@code files} when given, else {@code file}, else {@code Dockerfile}. */
    List<String> dockerfiles() {
        if (!files.isEmpty()) {
            return List.copyOf(files);
        }
        return List.of(file == null ? DEFAULT_FILE : file);
    }

    /**
     * The failure threshold {@code failOn} names, or null (no argument) to keep the configuration's.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    static FailureThreshold parseFailOn(String failOn) {
        return failOn == null ? null : FailureThreshold.parse(failOn);
    }

    /**
     * The threshold given, else the default under Manage Jenkins, else null to keep the configuration's.
     *
     * @throws BadInputException naming the value and the accepted ones
     */
    FailureThreshold threshold(StepDefaults defaults) {
        return parseFailOn(StepDefaults.orDefault(failOn, defaults.failOn()));
    }

    /** The one line a user sees for a problem with their input. */
    static String userError(RuntimeException e) {
        return UserError.line(FUNCTION_NAME, e);
    }

    /** The files linted, {@code Dockerfile} when none is named. */
    public static String label(Map<String, Object> arguments) {
        String files = StepLabel.join(StepLabel.names(arguments, "files"));
        if (files != null) {
            return files;
        }
        String file = StepLabel.text(arguments, "file");
        return file != null ? file : DEFAULT_FILE;
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
     * Lints on the agent, writes the report to the build log and fails the step, after the SARIF report is written,
     * when the findings reach the threshold.
     */
    private static final class Execution extends AgentStepWork<HardenDockerfileStep, LintSummary, Map<String, Object>> {

        Execution(HardenDockerfileStep step) {
            super(step, FUNCTION_NAME);
        }

        @Override
        protected HardenDockerfileOnAgent onAgent(BuildContext build) {
            return new HardenDockerfileOnAgent(step.dockerfiles(), step.isFix(), step.threshold(build.defaults()),
                    step.getSarif(), step.getConfig(), environment(build));
        }
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor implements LintFilesFields, FailOnField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Lint Dockerfiles with hadolint-compatible and hardening rules");
        }

        @Override
        public String defaultFailOnLabel() {
            return "Default (Manage Jenkins, else the hadolint configuration's)";
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs);
        }
    }
}
