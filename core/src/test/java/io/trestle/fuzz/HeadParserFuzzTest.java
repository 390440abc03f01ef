package io.trestle.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the request-head parser with raw bytes and checks {@link HeadProperties} on each input.
 *
 * <p>Under Surefire this runs as a regression test over the committed inputs in
 * {@code src/test/resources/io/trestle/fuzz/HeadParserFuzzTestInputs/parseHead/}: valid requests,
 * every smuggling vector of {@code SmugglingTest} ({@link SeedCorpusTest} keeps them in step), and
 * in {@code corpus/} the inputs of past fuzzing sessions that reached code the seeds do not
 * (libFuzzer's {@code -merge=1} of the generated corpus over the seeds). To fuzz:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=HeadParserFuzzTest
 * </pre>
 * Jazzer writes its corpus to {@code .cifuzz-corpus/} (ignored) and a failing input next to the
 * committed ones, where it becomes a regression test.
 */
class HeadParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    // Jazzer writes the entries into a libFuzzer dictionary verbatim: escapes are libFuzzer's (\xNN).
    @DictionaryEntries({"\\x0D\\x0A", "\\x0D\\x0A\\x0D\\x0A", " HTTP/1.1\\x0D\\x0A", " HTTP/1.0\\x0D\\x0A", "GET ", "POST ",
        "OPTIONS * ", "http://", "Host: ", "Content-Length: ", "Transfer-Encoding: ", "chunked", "identity", ", ",
        ";q=1", "Connection: ", "close", "keep-alive", "Expect: ", "100-continue", "[::1]", ":65535", "%2F", "\\x09"})
    void parseHead(byte[] input) {
        HeadProperties.check(input, HeadProperties.FUZZ_LIMITS);
    }
}
