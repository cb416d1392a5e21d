package io.jenkins.plugins.optimizeddeploy.testsupport;

/** A manifest or index as a registry serves it: its media type, its digest and its exact bytes as text. */
public record RegistryManifest(String mediaType, String digest, String content) {
}
