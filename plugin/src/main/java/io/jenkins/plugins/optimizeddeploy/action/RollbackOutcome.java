package io.jenkins.plugins.optimizeddeploy.action;

import java.util.Arrays;
import java.util.Locale;

/** What "Roll back to this build" did, said on the page it redirects back to (a query parameter names it). */
enum RollbackOutcome {
    SCHEDULED("A run of this job that rolls back to this build is in the build queue."),
    REFUSED("Jenkins did not queue the rollback: the job is disabled or takes no builds."),
    NOTHING_RELEASED("This build released nothing healthy to roll back to.");

    private final String message;

    RollbackOutcome(String message) {
        this.message = message;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String message() {
        return message;
    }

    /** The message of the outcome the parameter names; null for none or one of no outcome (a hand-made URL). */
    static String messageOf(String parameter) {
        return Arrays.stream(values()).filter(outcome -> outcome.parameter().equals(parameter)).findFirst()
                .map(RollbackOutcome::message).orElse(null);
    }
}
