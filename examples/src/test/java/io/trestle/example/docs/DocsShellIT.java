package io.trestle.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.example.docs.MarkdownDocs.Block;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```sh test} block of README.md and docs/*.md runs with bash from the repository root
 * and exits with status 0 within two minutes. An IT because the blocks run {@code bin/trestle},
 * which needs the packaged app ({@code examples/target/trestle-example.jar}): Failsafe runs this
 * after {@code package}. A block marked {@code test} must end by itself (nothing that starts the
 * server and waits for Ctrl-C).
 */
class DocsShellIT {
    private static final long TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> everyShellBlockMarkedTestSucceeds() {
        return testedBlocks().stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> run(b)));
    }

    @Test
    void someBlocksAreMarkedTest() {
        assertFalse(testedBlocks().isEmpty(), "no ```sh test block found: is the reader broken?");
    }

    private static List<Block> testedBlocks() {
        return MarkdownDocs.files().stream().flatMap(f -> MarkdownDocs.blocks(f).stream())
                .filter(b -> b.language().equals("sh") && b.hasFlag("test")).toList();
    }

    private static void run(Block block) throws Exception {
        Path output = Files.createTempFile(Path.of("target").toAbsolutePath(), "docs-sh", ".log");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", String.join("\n", block.code()))
                .directory(MarkdownDocs.REPO.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process p = bash.start();
        try {
            boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String printed = Files.readString(output);
            assertTrue(ended, block.where() + ": still running after " + TIMEOUT_SECONDS + " s; it printed:\n" + tail(printed));
            assertEquals(0, p.exitValue(), block.where() + ": exit status " + p.exitValue() + "; it printed:\n" + tail(printed));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
