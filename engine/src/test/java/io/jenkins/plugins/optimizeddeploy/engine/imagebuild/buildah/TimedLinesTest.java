package io.jenkins.plugins.optimizeddeploy.engine.imagebuild.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.optimizeddeploy.engine.exec.OutputStreamName;
import io.jenkins.plugins.optimizeddeploy.engine.imagebuild.CacheTimes;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimedLinesTest {
    @Test
    void shouldStampLinesOfBothStreamsWithTheClockInTheOrderTheyArrive() {
        Iterator<Long> clock = List.of(1_000L, 1_150L, 2_400L).iterator();
        TimedLines lines = new TimedLines(clock::next);

        lines.line(OutputStreamName.STDOUT, "[1/1] STEP 2/2: RUN true");
        lines.line(OutputStreamName.STDERR, "--> Pushing cache reg/cache:abc");
        lines.line(OutputStreamName.STDOUT, "--> 0123456789a");

        assertThat(lines.lines()).containsExactly(new TimedLine(1_000, "[1/1] STEP 2/2: RUN true"),
                new TimedLine(1_150, "--> Pushing cache reg/cache:abc"), new TimedLine(2_400, "--> 0123456789a"));
        assertThat(BuildahOutputParser.cacheTimes(lines.lines())).isEqualTo(new CacheTimes(0, 1_250));
    }
}
