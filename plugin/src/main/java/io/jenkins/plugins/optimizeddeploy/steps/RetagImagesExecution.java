package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RegistryOptions;
import io.jenkins.plugins.optimizeddeploy.engine.registry.RetagRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Resolves the credentials on the controller and retags on the agent. Only the step's arguments are fields: this
 * object is persisted with the Pipeline program, secrets must not be.
 */
final class RetagImagesExecution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> images;
    private final ArrayList<String> tags;
    private final String to;
    private final String credentialsId;
    private final boolean insecure;

    RetagImagesExecution(RetagImagesStep step, StepContext context) {
        super(context);
        this.images = new ArrayList<>(step.getImages());
        this.tags = new ArrayList<>(step.getTags());
        this.to = step.getTo();
        this.credentialsId = step.getCredentialsId();
        this.insecure = step.isInsecure();
    }

    @Override
    protected List<Map<String, Object>> run() throws Exception {
        StepContext context = getContext();
        RetagRequest request = parseRequest();
        Run<?, ?> run = context.get(Run.class);
        RegistryLogin login = credentialsId == null ? null
                : RegistryLogin.find(RetagImagesStep.FUNCTION_NAME, credentialsId, run);
        EnvVars environment = context.get(EnvVars.class);
        TaskListener listener = context.get(TaskListener.class);
        RetagImagesOnAgent retag = new RetagImagesOnAgent(request,
                RegistryOptions.builder().insecureTls(insecure).build(),
                new AgentCredentials(login, environment == null ? null : environment.get("DOCKER_CONFIG")), listener);

        return context.get(FilePath.class).act(retag).finish(run, listener);
    }

    private RetagRequest parseRequest() throws AbortException {
        try {
            return RetagRequest.of(images, tags, to);
        } catch (IllegalArgumentException e) {
            throw new AbortException(RetagImagesStep.userError(e));
        }
    }
}
