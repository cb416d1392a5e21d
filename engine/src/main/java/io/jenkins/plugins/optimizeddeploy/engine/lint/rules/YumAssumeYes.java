package io.jenkins.plugins.optimizeddeploy.engine.lint.rules;

import java.util.List;
import java.util.Set;

/** DL3030: yum install asks for confirmation unless -y is given. */
final class YumAssumeYes extends AssumeYesRule {

    YumAssumeYes() {
        super("DL3030", "Use the -y switch to avoid manual input `yum install -y <package>`.", Set.of("yum"),
                List.of("install", "groupinstall", "localinstall"),
                List.of("y", "assumeyes"));
    }
}
