package io.trestle.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.smuggling.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the fuzz targets' regression inputs complete: every smuggling vector of {@link Vectors} is
 * an input of {@link HeadParserFuzzTest}, and the body of every vector with a chunked head is one
 * of {@link ChunkedDecoderFuzzTest}; without this, a vector added to the table would silently
 * never reach the fuzzer. To (re)write the inputs after changing the vectors:
 * <pre>
 * ./mvnw -pl core test -Dtest=SeedCorpusTest -Dtrestle.fuzz.writeSeeds=$PWD/core/src/test/resources
 * </pre>
 * which also writes a few generated valid requests as starting points for the fuzzer.
 */
class SeedCorpusTest {
    static final String HEAD_INPUTS = "io/trestle/fuzz/HeadParserFuzzTestInputs/parseHead/";
    static final String CHUNKED_INPUTS = "io/trestle/fuzz/ChunkedDecoderFuzzTestInputs/decodeChunked/";

    @Test
    void everyVectorIsARegressionInput() throws IOException {
        Map<String, byte[]> seeds = expectedSeeds();
        String writeTo = System.getProperty("trestle.fuzz.writeSeeds");
        if (writeTo != null) {
            write(Path.of(writeTo), seeds);
            write(Path.of(writeTo), generatedSeeds());
        }
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(seed.getKey())) {
                assertNotNull(in, () -> "missing regression input " + seed.getKey() + ": see this class's Javadoc");
                assertArrayEquals(seed.getValue(), in.readAllBytes(), seed.getKey() + " differs from its vector");
            }
        }
    }

    @Test
    void bothTargetsHaveManyInputs() throws Exception {
        for (String dir : new String[] {HEAD_INPUTS, CHUNKED_INPUTS}) {
            Path path = Path.of(getClass().getClassLoader().getResource(dir).toURI());
            try (var files = Files.list(path)) {
                long count = files.count();
                assertTrue(count >= 40, dir + " holds only " + count + " inputs");
            }
        }
    }

    /** The inputs the vectors ask for, by resource path. */
    static Map<String, byte[]> expectedSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Vectors.Refused v : Vectors.refused()) {
            addVector(seeds, "refused-" + v.name(), v.payload());
        }
        for (Vectors.Tolerated v : Vectors.tolerated()) {
            addVector(seeds, "tolerated-" + v.name(), v.request());
        }
        return seeds;
    }

    private static void addVector(Map<String, byte[]> seeds, String name, String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        seeds.put(HEAD_INPUTS + name, bytes);
        HeadVerdict head = HeadVerdict.parse(bytes, io.trestle.http1.Limits.DEFAULTS, 8192, Integer.MAX_VALUE);
        if (head.accepted() && head.head().isChunked()) {
            seeds.put(CHUNKED_INPUTS + name, Arrays.copyOfRange(bytes, head.consumed(), bytes.length));
        }
    }

    /** Valid generated requests, and their bodies when chunked: varied starting points for fuzzing. */
    private static Map<String, byte[]> generatedSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        RequestGenerator generator = new RequestGenerator(1);
        for (int i = 0; i < 24; i++) {
            String name = String.format("generated-%02d", i);
            byte[] bytes = generator.validRequest();
            seeds.put(HEAD_INPUTS + name, bytes);
            HeadVerdict head = HeadVerdict.parse(bytes, io.trestle.http1.Limits.DEFAULTS, 8192, Integer.MAX_VALUE);
            if (head.accepted() && head.head().isChunked()) {
                seeds.put(CHUNKED_INPUTS + name, Arrays.copyOfRange(bytes, head.consumed(), bytes.length));
            }
        }
        return seeds;
    }

    private static void write(Path root, Map<String, byte[]> seeds) {
        seeds.forEach((name, bytes) -> {
            try {
                Path file = root.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
