package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /                              | /
            /a                             | /a
            /a/                            | /a/
            /users/{id}                    | /users/{}
            /users/{id}/files/{path...}    | /users/{}/files/{...}
            /{path...}                     | /{...}
            /static/{p...}                 | /static/{...}
            /{a}/{b}/c                     | /{}/{}/c
            /100%/a b/ü                    | /100%/a b/ü
            /v1.2/{user_id}/{x-y}          | /v1.2/{}/{}
            """)
    void canonicalFormDropsParameterNames(String pattern, String canonical) {
        assertEquals(canonical, PathPattern.parse(pattern).canonical());
        assertEquals(pattern, PathPattern.parse(pattern).text());
    }

    @Test
    void patternsDifferingOnlyInNamesShareTheCanonicalForm() {
        PathPattern a = PathPattern.parse("/users/{id}/{rest...}");
        PathPattern b = PathPattern.parse("/users/{userId}/{more...}");
        assertEquals(a.canonical(), b.canonical());
        assertNotEquals(a, b);
        assertEquals(List.of("id", "rest"), a.paramNames());
        assertTrue(a.hasRest());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                | must start with '/'
            users             | must start with '/'
            {id}              | must start with '/'
            /a//b             | empty segment
            //                | empty segment
            //a               | empty segment
            /a/{}             | empty parameter name
            /a/{...}          | empty parameter name
            /{rest...}/a      | must be the last segment
            /{rest...}/       | must be the last segment
            /{rest...}/{x}    | must be the last segment
            /{id}/{id}        | duplicate parameter name 'id'
            /{id}/{id...}     | duplicate parameter name 'id'
            /a{b}             | inside the literal segment 'a{b}'
            /{a}b             | inside the literal segment '{a}b'
            /{a               | inside the literal segment '{a'
            /a}               | inside the literal segment 'a}'
            /{                | inside the literal segment '{'
            /x/{a b}          | parameter name 'a b'
            /x/{a.b}          | parameter name 'a.b'
            /x/{{a}}          | parameter name '{a}'
            """)
    void malformedPatternsAreRejectedWithTheReason(String pattern, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("'" + pattern + "'"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /                    | /              | true
            /                    | /a             | false
            /                    | ''             | false
            /a                   | /a             | true
            /a                   | /a/            | false
            /a/                  | /a/            | true
            /a/                  | /a             | false
            /a/{x}               | /a/b           | true
            /a/{x}               | /a/            | false
            /a/{x}               | /a             | false
            /a/{x}               | /a/b/c         | false
            /a/{x}/c             | /a/b/c         | true
            /a/{x}/c             | /a//c          | false
            /a/{r...}            | /a             | true
            /a/{r...}            | /a/            | true
            /a/{r...}            | /a/b/c         | true
            /a/{r...}            | /ab            | false
            /{r...}              | /              | true
            /{r...}              | ''             | false
            /{r...}              | x              | false
            /files/{name}        | /files/a b     | true
            /ü/{x}               | /ü/é           | true
            /100%                | /100%          | true
            /100%                | /100           | false
            /About               | /about         | false
            """)
    void singlePatternMatching(String pattern, String path, boolean matches) {
        assertEquals(matches, PathPattern.parse(pattern).matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/{x}/{y}", "/{x}/b/{y}"})
    void valuesComeInNameOrder(String pattern) {
        PathPattern p = PathPattern.parse(pattern);
        String[] values = p.values("/a/b/c");
        assertEquals(List.of("x", "y"), p.paramNames());
        assertEquals(pattern.startsWith("/a") ? List.of("b", "c") : List.of("a", "c"), List.of(values));
    }
}
