package io.jenkins.plugins.optimizeddeploy.engine.bake;

import java.util.List;
import java.util.Map;

/** Attributes ({@code name = expression}) and blocks ({@code type "label" { body }}) of an HCL file or block. */
record HclBody(Map<String, HclExpression> attributes, List<Block> blocks) {
    HclBody {
        blocks = List.copyOf(blocks);
    }

    /** {@code location} names the file, and the line where the file has lines ({@code bake.hcl:12}), for errors. */
    record Block(String type, List<String> labels, HclBody body, String location) {
        Block {
            labels = List.copyOf(labels);
        }
    }
}
