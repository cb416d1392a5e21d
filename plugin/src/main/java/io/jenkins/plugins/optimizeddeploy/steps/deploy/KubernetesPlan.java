package io.jenkins.plugins.optimizeddeploy.steps.deploy;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where the kubernetes target goes, in plain values that cross to the agent: the kubeconfig file (relative: to the
 * workspace; null: {@code $KUBECONFIG}, {@code ~/.kube/config} or the pod's service account), its context, the
 * namespace, the kind of workload and the container (null: the defaults of {@link KubernetesTarget#connect}).
 */
record KubernetesPlan(String kubeconfig, String context, String namespace, String kind, String container)
        implements Serializable {

    static final String DEFAULT_KIND = KubernetesTarget.Kind.deployment.name();

    /** @throws IllegalArgumentException when the kubeconfig cannot be read or has no such context */
    KubernetesTarget connect(Path workspace) {
        return KubernetesTarget.connect(kubeconfig == null ? null : workspace.resolve(kubeconfig), context, namespace,
                KubernetesTarget.Kind.valueOf(kind), container);
    }
}
