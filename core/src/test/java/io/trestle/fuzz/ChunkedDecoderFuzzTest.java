package io.trestle.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the chunked decoder: the input is what follows a request head with
 * {@code Transfer-Encoding: chunked}, decoded under a 64-byte body limit; {@link ChunkedProperties}
 * are checked on each input.
 *
 * <p>Under Surefire this runs as a regression test over the committed inputs in
 * {@code src/test/resources/io/trestle/fuzz/ChunkedDecoderFuzzTestInputs/decodeChunked/}: the bodies
 * of the chunked smuggling vectors and generated requests, and in {@code corpus/} the inputs of past
 * fuzzing sessions that reached code the seeds do not. To fuzz:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=ChunkedDecoderFuzzTest
 * </pre>
 */
class ChunkedDecoderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    // Jazzer writes the entries into a libFuzzer dictionary verbatim: escapes are libFuzzer's (\xNN, \", \\).
    @DictionaryEntries({"\\x0D\\x0A", "0\\x0D\\x0A\\x0D\\x0A", ";", "=", "\\\"", "\\\\\\\"", " ; ", "7fffffffffffffff",
        "ffffffffffffffff", "0000000000000000", "40", "41", "X-Trailer: ", "\\x09"})
    void decodeChunked(byte[] input) {
        ChunkedProperties.check(input, HeadProperties.FUZZ_LIMITS);
    }
}
