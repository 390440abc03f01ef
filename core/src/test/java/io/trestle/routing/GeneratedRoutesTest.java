package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trestle.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random pattern sets and paths from a small alphabet (seeded, so failures repeat), checked
 * against a brute-force definition of "most specific": of all patterns that match, the one whose
 * segment kinds (literal < parameter < rest) compare lowest from the left, the shorter first.
 */
class GeneratedRoutesTest {
    private static final String[] LITERALS = {"a", "b", "ab"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765, 20261124})
    void theTrieAgreesWithBruteForce(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            Set<String> patterns = new LinkedHashSet<>();
            int count = 1 + random.nextInt(25);
            while (patterns.size() < count) {
                patterns.add(randomPattern(random));
            }
            List<PathPattern> compiled = new ArrayList<>();
            Set<String> canonical = new LinkedHashSet<>();
            RouteCollector c = new RouteCollector();
            for (String p : patterns) {
                PathPattern pattern = PathPattern.parse(p);
                if (canonical.add(pattern.canonical())) {
                    compiled.add(pattern);
                    c.get(p, Tables.NOOP);
                }
            }
            RouteTable table = Tables.build(c);
            for (int i = 0; i < 200; i++) {
                String path = randomPath(random);
                PathPattern expected = bruteForce(compiled, path);
                RouteMatch match = table.match(Method.GET, path);
                assertEquals(expected == null ? null : expected.text(), match.pattern(),
                        () -> "seed " + seed + ", patterns " + canonical + ", path '" + path + "'");
                if (expected != null) {
                    assertEquals(List.of(expected.values(path)), List.copyOf(match.params().values()));
                }
            }
        }
    }

    private static String randomPattern(Random random) {
        StringBuilder sb = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int i = 0; i < segments; i++) {
            boolean last = i == segments - 1;
            int kind = random.nextInt(last ? 5 : 4);
            sb.append('/').append(switch (kind) {
                case 0, 1 -> LITERALS[random.nextInt(LITERALS.length)];
                case 2 -> "{p" + i + "}";
                case 3 -> last ? "" : "{q" + i + "}";
                default -> "{rest...}";
            });
        }
        return sb.toString();
    }

    private static String randomPath(Random random) {
        StringBuilder sb = new StringBuilder();
        int segments = random.nextInt(6);
        for (int i = 0; i < segments; i++) {
            int pick = random.nextInt(LITERALS.length + 2);
            sb.append('/').append(pick < LITERALS.length ? LITERALS[pick] : pick == LITERALS.length ? "zz" : "");
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static PathPattern bruteForce(List<PathPattern> patterns, String path) {
        PathPattern best = null;
        for (PathPattern p : patterns) {
            if (p.matches(path) && (best == null || moreSpecific(p, best))) {
                best = p;
            }
        }
        return best;
    }

    private static boolean moreSpecific(PathPattern a, PathPattern b) {
        int n = Math.min(a.segmentCount(), b.segmentCount());
        for (int i = 0; i < n; i++) {
            int diff = a.kind(i).compareTo(b.kind(i));
            if (diff != 0) {
                return diff < 0;
            }
        }
        return a.segmentCount() < b.segmentCount();
    }
}
