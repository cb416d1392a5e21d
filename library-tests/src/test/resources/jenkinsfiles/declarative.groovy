// optimizedDeploy inside a Declarative Pipeline's script block, on the agent the pipeline allocated.
@Library('optimized-deploy') _

pipeline {
    agent { label 'docker' }
    stages {
        stage('Ship') {
            steps {
                script {
                    result = optimizedDeploy(arguments)
                }
            }
        }
    }
}
