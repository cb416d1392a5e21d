package io.jenkins.plugins.optimizeddeploy.engine.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void shouldParseBearerChallengeOfTheDistributionSpecification() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\""));

        assertThat(challenges).containsExactly(new AuthChallenge("bearer", Map.of(
                "realm", "https://auth.docker.io/token",
                "service", "registry.docker.io",
                "scope", "repository:samalba/my-app:pull,push")));
    }

    @Test
    void shouldParseBasicChallengeWithLowerCaseSchemeAndParameterNames() {
        assertThat(AuthChallenge.parse(List.of("BASIC Realm=\"Registry Realm\"")))
                .containsExactly(new AuthChallenge("basic", Map.of("realm", "Registry Realm")));
    }

    @Test
    void shouldParseSeveralChallengesInOneHeaderValue() {
        List<AuthChallenge> challenges = AuthChallenge.parse(
                List.of("Basic realm=\"basic, with comma\", Bearer realm=\"https://t/token\", service=reg"));

        assertThat(challenges).containsExactly(
                new AuthChallenge("basic", Map.of("realm", "basic, with comma")),
                new AuthChallenge("bearer", Map.of("realm", "https://t/token", "service", "reg")));
    }

    @Test
    void shouldParseChallengesFromSeveralHeaderValues() {
        assertThat(AuthChallenge.parse(List.of("Basic realm=a", "Bearer realm=b")))
                .extracting(AuthChallenge::scheme).containsExactly("basic", "bearer");
    }

    @Test
    void shouldUnescapeQuotedPairsAndAcceptSpacesAroundEquals() {
        assertThat(AuthChallenge.parse(List.of("Bearer realm = \"a \\\"quoted\\\" realm\" ,error=\"insufficient_scope\"")))
                .containsExactly(new AuthChallenge("bearer",
                        Map.of("realm", "a \"quoted\" realm", "error", "insufficient_scope")));
    }

    @Test
    void shouldParseSchemeWithoutParameters() {
        assertThat(AuthChallenge.parse(List.of("Negotiate"))).containsExactly(new AuthChallenge("negotiate", Map.of()));
    }

    @Test
    void shouldSurviveMalformedHeaders() {
        assertThat(AuthChallenge.parse(List.of("", " , ", "=\"x\"", "Bearer realm=\"unterminated")))
                .extracting(AuthChallenge::scheme).contains("bearer");
    }

    @Test
    void shouldPreferBearerOverBasic() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of("Basic realm=a, Bearer realm=b"));

        assertThat(AuthChallenge.preferred(challenges)).get().extracting(AuthChallenge::scheme).isEqualTo("bearer");
        assertThat(AuthChallenge.preferred(List.of(new AuthChallenge("digest", Map.of())))).isEmpty();
    }
}
