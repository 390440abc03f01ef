package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain-name_1.txt|plain-name_1.txt",
        "a b|a%20b",
        "été|%C3%A9t%C3%A9",
        "\uD83D\uDE00|%F0%9F%98%80",
        "<script>|%3Cscript%3E",
        "a?b#c|a%3Fb%23c",
        "100%|100%25",
        "a;b|a%3Bb",
        "//evil.com|%2F%2Fevil.com"})
    void encodesSegments(String segment, String encoded) {
        assertEquals(encoded, PathEncoding.encodeSegment(segment));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|plain",
        "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b|a &amp; b",
        "\"quoted\" 'single'|&quot;quoted&quot; &#39;single&#39;"})
    void escapesHtml(String text, String escaped) {
        assertEquals(escaped, PathEncoding.escapeHtml(text));
    }
}
