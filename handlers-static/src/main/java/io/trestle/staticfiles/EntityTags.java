package io.trestle.staticfiles;

/**
 * Matching of {@code If-Match} / {@code If-None-Match} / {@code If-Range} entity-tag lists
 * (RFC 9110 §8.8.3). Tags are scanned in place, because a quoted tag may itself contain commas.
 */
final class EntityTags {

    private EntityTags() {
    }

    /** Whether {@code tag} is weak ({@code W/"..."}). */
    static boolean isWeak(String tag) {
        return tag.startsWith("W/");
    }

    /**
     * Whether the comma-separated {@code list} contains {@code current}, or is {@code *}.
     * Malformed elements match nothing.
     *
     * @param strong strong comparison (both tags strong and equal) instead of weak (opaque parts equal)
     */
    static boolean listMatches(String list, String current, boolean strong) {
        String value = list.trim();
        if (value.equals("*")) {
            return true;
        }
        boolean currentWeak = isWeak(current);
        String currentOpaque = currentWeak ? current.substring(2) : current;
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                return false;
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            boolean sameOpaque = close + 1 - open == currentOpaque.length()
                    && value.regionMatches(open, currentOpaque, 0, currentOpaque.length());
            if (sameOpaque && (!strong || !weak && !currentWeak)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
