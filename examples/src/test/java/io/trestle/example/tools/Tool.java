package io.trestle.example.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of an outside program, bounded in time, its output kept in a file. */
record Tool(int exitStatus, String output, long millis) {

    /**
     * Runs {@code command} in {@code dir}, standard output and error merged into {@code outputFile}.
     * Past {@code timeoutSeconds} it and its children are killed, and the run fails: a tool that
     * does not finish in its bound is a test failure, not a hang of the build.
     */
    static Tool run(List<String> command, Path dir, Path outputFile, long timeoutSeconds) throws IOException, InterruptedException {
        System.out.println("running: " + String.join(" ", command));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(outputFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s; its output so far:\n"
                        + tail(Files.readString(outputFile, StandardCharsets.ISO_8859_1), 4000));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // ISO-8859-1: every byte a character, whatever the tool prints.
        return new Tool(p.exitValue(), Files.readString(outputFile, StandardCharsets.ISO_8859_1), millis);
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}
