package io.jenkins.plugins.optimizeddeploy.engine.http;

/** A whole answer read as text: its status and its body. */
public record TextResponse(int statusCode, String body) {
}
