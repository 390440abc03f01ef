package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangesTest {

    static Stream<Arguments> satisfiable() {
        return Stream.of(
                Arguments.of("bytes=0-9", List.of(new ByteRange(0, 9))),
                Arguments.of("bytes=10-", List.of(new ByteRange(10, 99))),
                Arguments.of("bytes=-10", List.of(new ByteRange(90, 99))),
                Arguments.of("bytes=-1000", List.of(new ByteRange(0, 99))),
                Arguments.of("bytes=50-1000", List.of(new ByteRange(50, 99))),
                Arguments.of("bytes=99-99", List.of(new ByteRange(99, 99))),
                Arguments.of("BYTES=0-0", List.of(new ByteRange(0, 0))),
                Arguments.of("bytes=0-99999999999999999999999", List.of(new ByteRange(0, 99))),
                Arguments.of("bytes= 0-1 , 5-6 ", List.of(new ByteRange(0, 1), new ByteRange(5, 6))),
                Arguments.of("bytes=0-1,,5-6", List.of(new ByteRange(0, 1), new ByteRange(5, 6))),
                Arguments.of("bytes=5-6,0-1", List.of(new ByteRange(0, 1), new ByteRange(5, 6))),
                Arguments.of("bytes=0-5,3-9", List.of(new ByteRange(0, 9))),
                Arguments.of("bytes=0-4,5-9", List.of(new ByteRange(0, 9))),
                Arguments.of("bytes=0-1,200-300", List.of(new ByteRange(0, 1))),
                Arguments.of("bytes=0-0,-1", List.of(new ByteRange(0, 0), new ByteRange(99, 99))));
    }

    @ParameterizedTest
    @MethodSource("satisfiable")
    void readsSatisfiableRanges(String header, List<ByteRange> expected) {
        ByteRanges.Partial p = assertInstanceOf(ByteRanges.Partial.class, ByteRanges.parse(header, 100));
        assertEquals(expected, p.ranges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=1000-,2000-3000"})
    void unsatisfiableRangesGive416(String header) {
        assertInstanceOf(ByteRanges.Unsatisfiable.class, ByteRanges.parse(header, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-9", "bytes", "bytes=", "bytes=,", "bytes=abc", "bytes=9-1", "bytes=-",
        "bytes=--5", "bytes=1-2-3", "bytes=0x1-2", "bytes=1 - 2", "bytes=-5a", "bytes=+1-2", "bytes 0-9",
        "bytes=0-1,9-1"})
    void malformedHeadersAreIgnored(String header) {
        assertInstanceOf(ByteRanges.Whole.class, ByteRanges.parse(header, 100));
    }

    @Test
    void absentHeaderMeansWhole() {
        assertInstanceOf(ByteRanges.Whole.class, ByteRanges.parse(null, 100));
    }

    @Test
    void emptyFileHasNoSatisfiableRange() {
        assertInstanceOf(ByteRanges.Unsatisfiable.class, ByteRanges.parse("bytes=0-", 0));
        assertInstanceOf(ByteRanges.Unsatisfiable.class, ByteRanges.parse("bytes=-5", 0));
    }

    @Test
    void tooManyPiecesServeTheWholeFile() {
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < ByteRanges.MAX_PARTS + 1; i++) {
            many.append(i * 10).append('-').append(i * 10 + 1).append(',');
        }
        assertInstanceOf(ByteRanges.Whole.class, ByteRanges.parse(many.toString(), 1000));

        StringBuilder overlapping = new StringBuilder("bytes=");
        for (int i = 0; i < ByteRanges.MAX_SPECS; i++) {
            overlapping.append("0-10,");
        }
        ByteRanges.Partial merged = assertInstanceOf(ByteRanges.Partial.class,
                ByteRanges.parse(overlapping.toString(), 1000));
        assertEquals(List.of(new ByteRange(0, 10)), merged.ranges());
        overlapping.append("0-10");
        assertInstanceOf(ByteRanges.Whole.class, ByteRanges.parse(overlapping.toString(), 1000));
    }

    @Test
    void contentRangeIsInclusive() {
        assertEquals("bytes 0-9/100", new ByteRange(0, 9).contentRange(100));
        assertEquals(10, new ByteRange(0, 9).length());
    }
}
