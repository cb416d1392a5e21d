package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.optimizeddeploy.engine.lint.FailureThreshold;
import java.util.ArrayList;
import java.util.List;
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
public class HardenDockerfileStep extends Step {

    static final String FUNCTION_NAME = "hardenDockerfile";
    static final String DEFAULT_FILE = "Dockerfile";

    private String file = DEFAULT_FILE;
    private List<String> files = List.of();
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

    /** Several Dockerfiles linted in one run, relative to the workspace; they replace {@link #getFile()}. */
    public List<String> getFiles() {
        return new ArrayList<>(files);
    }

    @DataBoundSetter
    public void setFiles(List<String> files) {
        this.files = files == null ? List.of() : files.stream().map(OptionalText::of)
                .filter(name -> name != null).toList();
    }

    /** {@code error}, {@code warning}, {@code info}, {@code style} or {@code none}; unset: the configuration's. */
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
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    static FailureThreshold parseFailOn(String failOn) {
        return failOn == null ? null : FailureThreshold.parse(failOn);
    }

    /** The one line a user sees for a problem with their input. */
    static String userError(RuntimeException e) {
        return UserError.line(FUNCTION_NAME, e);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new HardenDockerfileExecution(this, context);
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends AgentStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Lint Dockerfiles with hadolint-compatible and hardening rules");
        }
    }
}
