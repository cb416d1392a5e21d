package io.jenkins.plugins.optimizeddeploy.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import io.jenkins.plugins.optimizeddeploy.action.RecordedRelease;
import io.jenkins.plugins.optimizeddeploy.engine.deploy.Action;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import io.jenkins.plugins.optimizeddeploy.forms.CredentialsIdField;
import io.jenkins.plugins.optimizeddeploy.forms.FormAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code rollbackDeploy(target: 'swarm', services: ['web', 'worker'], to: 'previous')}: every service back on the
 * image it ran before its last healthy deploy or rollback (from the history), on what build {@code to: '42'} of the job
 * deployed (from its record), or on the digest {@code to} names, as one release through the same health gate as
 * {@code deployImages}.
 */
public class RollbackDeployStep extends DeployStep {

    static final String FUNCTION_NAME = "rollbackDeploy";
    static final String PREVIOUS = "previous";
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern BUILD_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private final List<String> services;
    private String to = PREVIOUS;

    @DataBoundConstructor
    public RollbackDeployStep(String target, List<String> services) {
        super(target);
        this.services = NameList.parse(services);
    }

    public List<String> getServices() {
        return new ArrayList<>(services);
    }

    /** The services as the form shows them. */
    public String getServicesText() {
        return NameList.text(services);
    }

    /**
     * {@code previous} (default): what each service ran before its last healthy deploy; a build number of this job:
     * what that build deployed, from its record; or, for one service, a digest ({@code sha256:...}, in the repository
     * it runs from) or an image {@code IMAGE@sha256:...}.
     */
    public String getTo() {
        return to;
    }

    @DataBoundSetter
    public void setTo(String to) {
        this.to = to == null || to.isBlank() ? PREVIOUS : to.trim();
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    Action action() {
        return Action.ROLLBACK;
    }

    @Override
    Map<String, String> destinations() {
        Map<String, String> destinations = new LinkedHashMap<>();
        services.forEach(service -> destinations.put(service, to));
        return destinations;
    }

    @Override
    Map<String, String> destinations(Run<?, ?> run) {
        return namesBuild(to) ? RecordedRelease.images(run, Integer.parseInt(to), services) : destinations();
    }

    private static boolean namesBuild(String value) {
        return BUILD_NUMBER.matcher(value).matches();
    }

    @Override
    void requireValid() {
        super.requireValid();
        if (!to.equals(PREVIOUS) && !namesBuild(to) && services.size() != 1) {
            throw new BadInputException("'to: " + to + "' names one image: give exactly one service");
        }
    }

    /** What is wrong with a {@code to} value, if anything. */
    static Optional<String> toProblem(String value) {
        String given = value == null ? "" : value.strip();
        if (given.isEmpty() || given.equals(PREVIOUS) || namesBuild(given) || DIGEST.matcher(given).matches()) {
            return Optional.empty();
        }
        int at = given.indexOf('@');
        return at > 0 && DIGEST.matcher(given.substring(at + 1)).matches() ? Optional.empty()
                : Optional.of("previous, a build number, sha256:<64 hex digits> or IMAGE@sha256:<64 hex digits>");
    }

    /** {@code web, worker to previous}. */
    static String label(Map<String, Object> arguments) {
        String services = StepLabel.join(StepLabel.names(arguments, "services"));
        if (services == null) {
            return StepLabel.text(arguments, "target");
        }
        String to = StepLabel.text(arguments, "to");
        return services + " to " + (to == null || to.equals(PREVIOUS) ? PREVIOUS : namesBuild(to) ? "build #" + to
                : to.startsWith("sha256:") ? StepLabel.shortDigest(to) : StepLabel.shortImage(to));
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends DeployStepDescriptor implements CredentialsIdField {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "Roll deployed services back to their previous images through the health gate");
        }

        @POST
        public FormValidation doCheckTo(@AncestorInPath Item item, @QueryParameter String value) {
            return FormAccess.validation(item, toProblem(value));
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs);
        }
    }
}
