package io.borderline.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external client to completion with a time limit, capturing its output. */
public final class Processes {
    private Processes() {
    }

    /** What a finished process printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result requireSuccess(List<String> command) {
            if (exitCode != 0) {
                throw new AssertionError(command + " exited with " + exitCode + "\nstderr:\n" + tail(stderr)
                    + "\nstdout:\n" + tail(stdout));
            }
            return this;
        }

        private static String tail(String s) {
            return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
        }
    }

    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("borderline-client", ".out");
            Path err = Files.createTempFile("borderline-client", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
