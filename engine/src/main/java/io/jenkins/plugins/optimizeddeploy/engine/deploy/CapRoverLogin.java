package io.jenkins.plugins.optimizeddeploy.engine.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.util.Objects;

/**
 * How the engine signs in to CapRover: the captain password (it logs in and can follow each deploy's build), or an
 * app's deploy token (it can only start deploys of that app; their status is then known from the health probe
 * alone). The secret is never shown: {@link #toString()} names the kind only.
 */
public final class CapRoverLogin {
    private final boolean appToken;
    private final String secret;

    private CapRoverLogin(boolean appToken, String secret) {
        Objects.requireNonNull(secret, "the CapRover secret is required");
        if (secret.isBlank()) {
            throw new BadInputException("the CapRover " + (appToken ? "app token" : "password") + " is empty");
        }
        this.appToken = appToken;
        this.secret = secret;
    }

    public static CapRoverLogin password(String password) {
        return new CapRoverLogin(false, password);
    }

    public static CapRoverLogin appToken(String token) {
        return new CapRoverLogin(true, token);
    }

    boolean isAppToken() {
        return appToken;
    }

    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return appToken ? "CapRoverLogin[app token ****]" : "CapRoverLogin[password ****]";
    }
}
