package cn.unionaid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MicroBenchmarks} under JMH (not part of the test suite): one fork, 3 warm-up and 5 measured
 * iterations of a second each. {@code mvn -B test -Dtest=MicroBenchmarkRunner -Dsurefire.failIfNoSpecifiedTests=false};
 * the table goes to the console and to {@code target/micro-benchmarks.md}.
 */
class MicroBenchmarkRunner {

    @Test
    void run() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(MicroBenchmarks.class.getName())
                .shouldFailOnError(true).forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(1)).jvmArgs("-Xmx256m").build()).run();
        StringBuilder md = new StringBuilder("| operation | ns/op | ± (99.9 %) |\n|---|---|---|\n");
        results.forEach(r -> md.append("| %s | %.1f | %.1f |\n".formatted(r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError())));
        Files.writeString(Path.of("target", "micro-benchmarks.md"), md.toString());
        System.out.println(md);
    }
}
