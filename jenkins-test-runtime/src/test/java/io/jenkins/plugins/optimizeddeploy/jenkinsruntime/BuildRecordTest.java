package io.jenkins.plugins.optimizeddeploy.jenkinsruntime;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Run;
import jenkins.model.RunAction2;
import org.junit.jupiter.api.Test;

/** A job numbers its builds, finds them by number, and a build keeps its actions as core's Run does. */
class BuildRecordTest {

    @Test
    void shouldNumberBuildsAndFindThemByNumber() throws Exception {
        TestJob job = new TestJob("web");
        TestBuild first = job.newBuild();
        TestBuild second = job.newBuild();

        assertThat(second.getNumber()).isEqualTo(2);
        assertThat(job.getBuildByNumber(1)).isSameAs(first);
        assertThat(job.getLastBuild()).isSameAs(second);
        assertThat(second.getPreviousBuild()).isSameAs(first);
        assertThat(second).hasToString("web #2");
        assertThat(second.getDisplayName()).isEqualTo("#2");
    }

    @Test
    void shouldReplaceAnActionOfTheSameClassAndTellItWhichBuildItBelongsTo() throws Exception {
        TestBuild build = new TestJob("web").newBuild();
        Recorded first = new Recorded();
        Recorded second = new Recorded();

        build.addOrReplaceAction(first);
        build.addOrReplaceAction(second);

        assertThat(build.getAction(Recorded.class)).isSameAs(second);
        assertThat(second.owner).isSameAs(build);
    }

    private static final class Recorded implements RunAction2 {
        private Run<?, ?> owner;

        @Override
        public void onAttached(Run<?, ?> r) {
            owner = r;
        }

        @Override
        public void onLoad(Run<?, ?> r) {
            owner = r;
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return "recorded";
        }

        @Override
        public String getUrlName() {
            return "recorded";
        }
    }
}
