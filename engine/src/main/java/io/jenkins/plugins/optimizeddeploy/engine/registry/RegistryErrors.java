package io.jenkins.plugins.optimizeddeploy.engine.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The error body of the distribution API, {@code {"errors":[{"code":"…","message":"…","detail":…}]}}, and of
 * token servers ({@code {"details":"…"}} or {@code {"error":"…"}}). A body that is not such JSON yields no codes
 * and, when it is short text, its first line as the message.
 */
record RegistryErrors(List<String> codes, List<String> messages) {
    private static final int MAX_TEXT_MESSAGE = 200;

    RegistryErrors {
        codes = List.copyOf(codes);
        messages = List.copyOf(messages);
    }

    static RegistryErrors parse(ObjectMapper json, byte[] body) {
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        if (body == null || body.length == 0) {
            return new RegistryErrors(codes, messages);
        }
        try {
            JsonNode root = json.readTree(body);
            if (root != null && root.isObject()) {
                for (JsonNode error : root.path("errors")) {
                    String code = error.path("code").asText("");
                    if (!code.isEmpty()) {
                        codes.add(code);
                    }
                    String message = error.path("message").asText("");
                    if (!message.isEmpty()) {
                        messages.add(message);
                    }
                }
                for (String field : List.of("details", "error", "error_description")) {
                    if (root.path(field).isTextual()) {
                        messages.add(root.path(field).asText());
                    }
                }
                return new RegistryErrors(codes, messages);
            }
        } catch (JsonProcessingException notJson) {
            // Proxies and misconfigured servers answer with text or HTML; its first line still helps.
        } catch (IOException unreadable) {
            return new RegistryErrors(codes, messages);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String firstLine = text.lines().findFirst().orElse("");
        if (!firstLine.isEmpty() && !firstLine.startsWith("<")) {
            messages.add(firstLine.length() > MAX_TEXT_MESSAGE ? firstLine.substring(0, MAX_TEXT_MESSAGE) + "…"
                    : firstLine);
        }
        return new RegistryErrors(codes, messages);
    }

    /** The messages joined, or {@code fallback} when there are none. */
    String describe(String fallback) {
        return messages.isEmpty() ? fallback : String.join("; ", messages);
    }
}
