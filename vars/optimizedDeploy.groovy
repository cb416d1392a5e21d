// optimizedDeploy(...): hardening, the cached build, image checks, the registry retag and the health-gated deploy
// (with its rollback) as one call, through the optimized-deploy plugin's steps. Every key and its default:
// resources/io/jenkins/plugins/optimizeddeploy/defaults.yaml and optimizedDeploy.txt.
import groovy.transform.Field

@Field static final String DEFAULTS_RESOURCE = 'io/jenkins/plugins/optimizeddeploy/defaults.yaml'
@Field static final String ROLLBACK_VARIABLE = 'OPTIMIZED_DEPLOY_ROLLBACK_BUILD'
@Field static final String ROLLBACK_PARAMETER = 'ROLLBACK_TO_BUILD'

def call(Map config = [:]) {
    Map settings = settings(config)
    String rollbackBuild = env[ROLLBACK_VARIABLE] ?: params[ROLLBACK_PARAMETER]
    if (env.NODE_NAME) {
        // inside a node block (Declarative steps, or a scripted node): the workspace is checked out already
        return rollbackBuild ? rollBack(settings, rollbackBuild as String) : pipeline(settings, [:])
    }
    Map result = null
    node {
        if (rollbackBuild) {
            result = rollBack(settings, rollbackBuild as String)
        } else {
            Map scmVars = checkout(scm)
            result = pipeline(settings, [commit: scmVars.GIT_COMMIT, sourceUrl: scmVars.GIT_URL])
        }
    }
    return result
}

/** The defaults file, then the plugin's global configuration, then the call's map; stops at a wrong key or type. */
private Map settings(Map config) {
    Map defaults = readYaml(text: libraryResource(DEFAULTS_RESOURCE))
    String problem = problem(defaults, config)
    if (problem) {
        error("optimizedDeploy: ${problem}")
    }
    return layered(defaults, optimizedDeployDefaults(), config)
}

private Map pipeline(Map settings, Map source) {
    Map result = emptyResult()
    if (settings.harden) {
        stage('Harden') {
            result.findings.dockerfiles = hardenDockerfile(files: settings.dockerfiles, failOn: settings.failOn,
                    fix: settings.fix)
        }
    }
    Map built = null
    stage('Build') {
        built = bakeImages(bakeArguments(settings, source))
    }
    result.images = images(built)
    result.cacheHitRate = cacheHitRate(built)
    if (settings.verify) {
        stage('Verify') {
            for (int i = 0; i < result.images.size(); i++) {
                Map image = result.images[i]
                result.findings.images[image.target] = verifyImage(present([image: pinned(image),
                        credentialsId: settings.credentialsId, failOn: settings.failOn]))
            }
        }
    }
    if (settings.releaseTags) {
        stage('Release') {
            result.releaseTags = retagImages(present([images: imageNames(result.images),
                    tags: settings.releaseTags, credentialsId: settings.credentialsId]))
        }
    }
    String skipDeploy = deploySkipReason(settings, env.CHANGE_ID as String,
            (env.BRANCH_NAME ?: env.GIT_BRANCH) as String)
    if (skipDeploy) {
        echo "optimizedDeploy: no Deploy stage: ${skipDeploy}"
    } else {
        result.deploy = deploy(settings, result.images)
    }
    return result
}

private Map deploy(Map settings, List images) {
    Map services = deployedServices(settings.services, images)
    if (services.problem) {
        error("optimizedDeploy: ${services.problem}")
    }
    Map outcome = null
    stage('Deploy') {
        // propagate: false returns the outcome of a failed gate instead of failing with it
        outcome = deployImages(releaseArguments(settings, [services: services.images, propagate: false]))
    }
    // the line deployImages fails with when a service is not healthy: what went wrong and what runs now
    String failure = outcome.failure
    if (failure) {
        // deployImages has already put every moved service back, or tried to: this stage shows it in the graph.
        stage('Rollback') {
            echo "optimizedDeploy: ${failure}"
        }
        error("optimizedDeploy: ${failure}")
    }
    return outcome
}

private Map rollBack(Map settings, String build) {
    List services = settings.services ? settings.services.keySet() as List : settings.targets
    if (!services) {
        error("optimizedDeploy: a rollback to build ${build} needs 'services' (or 'targets') to name the services")
    }
    echo "optimizedDeploy: rollback requested to build ${build}: only the Rollback stage runs"
    Map result = emptyResult()
    stage('Rollback') {
        result.deploy = rollbackDeploy(releaseArguments(settings, [services: services, to: build]))
    }
    return result
}

private Map emptyResult() {
    return [images: [], cacheHitRate: null, findings: [dockerfiles: null, images: [:]], releaseTags: [],
            deploy: null, reportUrl: "${env.BUILD_URL ?: ''}optimized-deploy/".toString()]
}

/** What is wrong with the call's map: an unknown key or a value of another type than its default; null if nothing. */
@NonCPS
private static String problem(Map defaults, Map config) {
    String known = defaults.keySet().join(', ')
    for (Map.Entry entry : config.entrySet()) {
        String key = entry.key as String
        if (!defaults.containsKey(key)) {
            return "unknown key '${key}'; the keys are: ${known}"
        }
        String expected = kind(defaults[key])
        String given = kind(entry.value)
        if (given != expected) {
            return "'${key}' must be ${expected}, was ${given}; the keys are: ${known}"
        }
    }
    return null
}

@NonCPS
private static String kind(Object value) {
    if (value instanceof Boolean) {
        return 'a boolean (true or false)'
    }
    if (value instanceof Number) {
        return 'a number'
    }
    if (value instanceof CharSequence) {
        return 'a string'
    }
    if (value instanceof List) {
        return 'a list'
    }
    if (value instanceof Map) {
        return 'a map'
    }
    return value == null ? 'null' : 'something else'
}

/** Each layer over the one before; a blank value of the global configuration is unset. */
@NonCPS
private static Map layered(Map defaults, Map global, Map config) {
    Map settings = new LinkedHashMap(defaults)
    global.each { key, value ->
        if (settings.containsKey(key) && value) {
            settings[key] = value as String
        }
    }
    config.each { key, value -> settings[key as String] = plain(value) }
    return settings
}

/** The value with every GString ("1.0.${env.BUILD_NUMBER}"), also in lists and maps, made a String for the steps. */
@NonCPS
private static Object plain(Object value) {
    if (value instanceof CharSequence) {
        return value.toString()
    }
    if (value instanceof List) {
        return value.collect { plain(it) }
    }
    if (value instanceof Map) {
        return value.collectEntries { key, item -> [(key as String): plain(item)] }
    }
    return value
}

/** The arguments without the ones left empty, so each step takes its own default (or the global one). */
@NonCPS
private static Map present(Map arguments) {
    return arguments.findAll { key, value -> value != null && value != '' && value != [] && value != [:] }
}

@NonCPS
private static Map bakeArguments(Map settings, Map source) {
    Map arguments = [file: settings.bakeFile, registry: settings.registry, backend: settings.backend,
                     credentialsId: settings.credentialsId, defaultBranch: settings.defaultBranch]
    if (settings.targets) {
        arguments.targets = settings.targets
    } else {
        arguments.group = settings.group
    }
    if (settings.cacheRepository) {
        arguments.cache = [repository: settings.cacheRepository]
    }
    arguments.putAll(source)
    return present(arguments)
}

/** deployImages' and rollbackDeploy's arguments: the target, the gate, the engine, and the deploy target's own. */
@NonCPS
private static Map releaseArguments(Map settings, Map services) {
    Map arguments = [target: settings.target] + services
    arguments.putAll(present([credentialsId: settings.credentialsId, dockerHost: settings.dockerHost,
                              health: settings.health]))
    arguments.timeout = settings.timeout
    arguments.putAll(settings.deployOptions)
    return arguments
}

/** Per built target: its name, image (with the build's tag), digest and compressedBytes. */
@NonCPS
private static List images(Map built) {
    return built.targets.collect { [target: it.target, image: it.image, digest: it.digest, compressedBytes: it.compressedBytes] }
}

/** Steps taken from a cache among all steps of all targets, 0 to 1; null when nothing was built. */
@NonCPS
private static Double cacheHitRate(Map built) {
    Map steps = built.steps
    return steps && steps.total ? (steps.cached as double) / (steps.total as double) : null
}

@NonCPS
private static List imageNames(List images) {
    return images.collect { it.image }
}

@NonCPS
private static String pinned(Map image) {
    return "${image.image}@${image.digest}".toString()
}

/** Why there is no deploy, or null: switched off, a pull request, or another branch than the default one. */
@NonCPS
private static String deploySkipReason(Map settings, String changeId, String branch) {
    if (!settings.deploy) {
        return 'deploy: false'
    }
    if (changeId) {
        return "a pull request (change ${changeId}) is never deployed"
    }
    String shortBranch = branch?.replaceFirst('^origin/', '')
    if (shortBranch && shortBranch != settings.defaultBranch) {
        return "branch ${shortBranch} is not the default branch ${settings.defaultBranch}"
    }
    return null
}

/** Per service its built image by digest: [images: [...]], or [problem: '...'] when a service names no built target. */
@NonCPS
private static Map deployedServices(Map services, List images) {
    Map byTarget = images.collectEntries { [(it.target): pinned(it)] }
    Map chosen = services ?: byTarget.collectEntries { target, image -> [(target): target] }
    Map deployed = [:]
    for (Map.Entry service : chosen.entrySet()) {
        String image = byTarget[service.value as String]
        if (image == null) {
            return [problem: "'services' maps ${service.key} to ${service.value}, which is not one of the built " +
                    "targets ${byTarget.keySet().join(', ')}"]
        }
        deployed[service.key as String] = image
    }
    return [images: deployed]
}
