package io.trestle.discovery;

import java.util.Collection;
import java.util.Iterator;

/**
 * Counts and lists as discovery's log lines show them to people: {@code 1 plugin},
 * {@code no filters}; {@code a, b, c} or {@code none}, never a collection's {@code [a, b]}.
 *
 * <pre>{@code
 * InWords.count(1, "handler class", "handler classes");   // "1 handler class"
 * InWords.list(List.of());                               // "none"
 * }</pre>
 */
final class InWords {

    private InWords() {
    }

    /** The items' texts joined by {@code ", "}; {@code none} when there are none. */
    static String list(Collection<?> items) {
        if (items.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
            sb.append(it.next());
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.toString();
    }

    /** {@code no plugins}, {@code 1 plugin}, {@code 2 plugins}: the number with the word that fits it. */
    static String count(long n, String one, String many) {
        if (n == 0) {
            return "no " + many;
        }
        return n + " " + (n == 1 ? one : many);
    }
}
