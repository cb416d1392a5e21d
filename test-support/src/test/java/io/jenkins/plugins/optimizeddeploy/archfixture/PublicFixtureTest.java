package io.jenkins.plugins.optimizeddeploy.archfixture;

/** Breaks TEST_CLASSES_NOT_PUBLIC and TEST_METHODS_NOT_PUBLIC; never run (it is outside the checked packages). */
public class PublicFixtureTest {
    @org.junit.jupiter.api.Test
    public void publicTestMethod() {
        org.junit.jupiter.api.Assertions.assertEquals(1, 1);
    }
}
