// optimizedDeploy as the whole pipeline, as buildPlugin() is used; the test sets `arguments`.
@Library('optimized-deploy') _

result = optimizedDeploy(arguments)
