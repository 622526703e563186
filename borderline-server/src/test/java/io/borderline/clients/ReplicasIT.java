package io.borderline.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stateless replicas behind HAProxy (Debian's package), with the service's own jar: two instances, a bounded
 * wrk load through HAProxy, SIGTERM to one instance mid-run; zero failed requests and the survivor carried
 * the rest. Runs {@code scripts/replicas.sh}, the same script an operator runs, after the jar is packaged
 * (an integration test: Maven's failsafe runs it after the package phase).
 */
class ReplicasIT {
    @Test
    void killingOneReplicaUnderLoadFailsNoRequest() throws Exception {
        ExternalTool.require("/usr/sbin/haproxy", "/usr/bin/haproxy");
        ExternalTool.require("/usr/bin/wrk");
        Process p = new ProcessBuilder("scripts/replicas.sh", "20").redirectErrorStream(true).start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("RESULT replicas").contains(" failed=0 ").contains("replicas: OK");
    }
}
