package io.jenkins.plugins.optimizeddeploy.steps;

import io.jenkins.plugins.optimizeddeploy.engine.deploy.KubernetesTarget;
import io.jenkins.plugins.optimizeddeploy.engine.errors.BadInputException;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where the kubernetes target goes, in plain values that cross to the agent: the kubeconfig file (relative: to the
 * workspace; the step's, else the build's {@code KUBECONFIG}; null: {@code ~/.kube/config} or the pod's service
 * account), its context, the namespace, the kind of workload and the container (null: the defaults of
 * {@link KubernetesTarget#connect}).
 */
record KubernetesPlan(String kubeconfig, String context, String namespace, String kind, String container)
        implements Serializable {

    static final String DEFAULT_KIND = KubernetesTarget.Kind.deployment.name();

    /**
     * @throws BadInputException when the kubeconfig cannot be read or has no such context, or names several
     *                                  files (a {@code KUBECONFIG} list, which kubectl merges)
     */
    KubernetesTarget connect(Path workspace) {
        if (kubeconfig != null && kubeconfig.contains(File.pathSeparator)) {
            throw new BadInputException("kubeconfig '" + kubeconfig + "' names several files; the kubernetes"
                    + " target reads one: name it with kubeconfig");
        }
        return KubernetesTarget.connect(kubeconfig == null ? null : workspace.resolve(kubeconfig), context, namespace,
                KubernetesTarget.Kind.valueOf(kind), container);
    }
}
