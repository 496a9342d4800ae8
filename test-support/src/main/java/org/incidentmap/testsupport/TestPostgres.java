package org.incidentmap.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the test cluster deploy/test/run started (its directory in IM_TEST_PG_DIR),
 * through the same deploy/lib.sh functions, so a test can take the database away for real.
 */
public final class TestPostgres {

    private static final Path LIB = Path.of("").toAbsolutePath().getParent().resolve("deploy/lib.sh");

    private TestPostgres() {
    }

    /** Skips the calling test when the cluster was not started by deploy/test/run. */
    public static void assumeControllable() {
        assumeTrue(System.getenv("IM_TEST_PG_DIR") != null, "IM_TEST_PG_DIR is set by deploy/test/run");
    }

    /** {@code pg_ctl -m immediate stop}: connections cut off as in a crash. */
    public static void crash() {
        run("pg_crash \"$IM_TEST_PG_DIR\"");
    }

    /** Starts the cluster again with the settings deploy/test/run gave it. */
    public static void start() {
        run("pg_up \"$IM_TEST_PG_DIR\" \"$IM_TEST_PG_PORT\" fast");
    }

    private static void run(String command) {
        try {
            Process p = new ProcessBuilder("bash", "-c", "source \"" + LIB + "\" && " + command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(command + " finished").isTrue();
            assertThat(p.exitValue()).as(command + " exit status").isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
