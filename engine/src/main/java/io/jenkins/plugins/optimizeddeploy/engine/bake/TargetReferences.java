package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code target.NAME.ATTRIBUTE} as buildx evaluates it: the value the target's own blocks give the attribute (what
 * it inherits does not count; unset is null), evaluated once; an attribute that needs itself is an error.
 */
final class TargetReferences implements BakeEvaluation.TargetAttributes {
    private final String source;
    private final Map<String, List<HclBody>> targetBodies;
    private final BakeEvaluation evaluation;
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    TargetReferences(String source, Map<String, List<HclBody>> targetBodies, BakeEvaluation evaluation) {
        this.source = source;
        this.targetBodies = targetBodies;
        this.evaluation = evaluation;
    }

    @Override
    public Object value(String target, String attribute, String where) {
        List<HclBody> bodies = targetBodies.get(target);
        if (bodies == null) {
            throw new BakeFileException(source + ": " + where + " refers to target." + target + "." + attribute
                    + ", but there is no target '" + target + "' (targets: " + targetBodies.keySet() + ")");
        }
        String key = target + "." + attribute;
        if (values.containsKey(key)) {
            return values.get(key);
        }
        if (!evaluating.add(key)) {
            throw new BakeFileException(source + ": target." + key + " refers to itself through " + evaluating);
        }
        Object value = null;
        for (HclBody body : bodies) {
            HclExpression expression = body.attributes().get(attribute);
            if (expression != null) {
                value = evaluation.evaluate(expression, "target " + key);
            }
        }
        evaluating.remove(key);
        values.put(key, value);
        return value;
    }
}
