package io.trestle.config;

/**
 * Checks IP address literals and CIDR blocks without any name lookup (unlike
 * {@code InetAddress.getByName}, which would resolve a mistyped host name over DNS).
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}. */
    static boolean isAddressOrCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return isIpv4(text) || isIpv6(text);
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (isIpv4(address)) {
            return isNumberUpTo(prefix, 32);
        }
        return isIpv6(address) && isNumberUpTo(prefix, 128);
    }

    static boolean isIpv4(String text) {
        int parts = 0;
        int start = 0;
        while (start <= text.length()) {
            int dot = text.indexOf('.', start);
            int end = dot < 0 ? text.length() : dot;
            if (!isNumberUpTo(text.substring(start, end), 255)) {
                return false;
            }
            parts++;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return parts == 4;
    }

    /**
     * Eight groups of one to four hex digits; one {@code ::} stands for one or more zero groups;
     * the last two groups may be written as an IPv4 address. Zone ids ({@code %eth0}) are refused.
     */
    static boolean isIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(text) == 8;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        int headGroups = head.isEmpty() ? 0 : groups(head);
        int tailGroups = tail.isEmpty() ? 0 : groups(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7
                && (head.isEmpty() || !head.contains(".")); // an embedded IPv4 address comes last only
    }

    /** Groups in a colon-separated run, an IPv4 tail counting two; -1 when malformed. */
    private static int groups(String run) {
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (isHexGroup(part)) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private static boolean isHexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** Decimal, no sign, no leading zero (which some parsers read as octal). */
    private static boolean isNumberUpTo(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || digits.length() > 1 && digits.charAt(0) == '0') {
            return false;
        }
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max;
    }
}
