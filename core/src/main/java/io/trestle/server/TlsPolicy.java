package io.trestle.server;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The TLS versions and cipher suites the server offers, in the server's order of preference.
 *
 * <p>The default follows the "intermediate" profile of Mozilla's server-side TLS guide without
 * its finite-field DHE suites: TLS 1.3 (whose suites are all AEAD), and TLS 1.2 with ECDHE key
 * exchange and AES-GCM or ChaCha20-Poly1305 only. So no CBC suite (LUCKY13, "obsolete cipher"
 * findings), no static-RSA key exchange (no forward secrecy, ROBOT), and no DHE: every client
 * that can do TLS 1.2 with an AEAD suite also does ECDHE, and DHE's handshake costs the server
 * several times more CPU (one more lever for a handshake flood).
 *
 * <pre>{@code
 * TlsPolicy policy = TlsPolicy.of(List.of("TLSv1.3"), TlsPolicy.DEFAULT.cipherSuites());
 * }</pre>
 *
 * @param protocols    JSSE protocol names ({@code TLSv1.3}, {@code TLSv1.2})
 * @param cipherSuites JSSE cipher suite names, the preferred first
 */
public record TlsPolicy(List<String> protocols, List<String> cipherSuites) {

    /** TLS 1.3 and 1.2, forward-secret AEAD suites only. */
    public static final TlsPolicy DEFAULT = new TlsPolicy(
            List.of("TLSv1.3", "TLSv1.2"),
            List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    public TlsPolicy {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /**
     * A policy whose names this JDK supports, and which leaves each chosen version a suite.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TlsPolicy of(List<String> protocols, List<String> cipherSuites) {
        List<String> problems = problems(protocols, cipherSuites);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TlsPolicy(protocols, cipherSuites);
    }

    /** What is wrong with this choice of versions and suites, one entry per problem; empty when fine. */
    public static List<String> problems(List<String> protocols, List<String> cipherSuites) {
        List<String> problems = new ArrayList<>();
        if (protocols.isEmpty()) {
            problems.add("no TLS protocol given");
        }
        if (cipherSuites.isEmpty()) {
            problems.add("no cipher suite given");
        }
        String p = unsupportedProtocol(protocols);
        if (p != null) {
            problems.add(p);
        }
        String c = unsupportedCipherSuite(cipherSuites);
        if (c != null) {
            problems.add(c);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        boolean tls13Suite = cipherSuites.stream().anyMatch(TlsPolicy::isTls13Suite);
        boolean olderSuite = cipherSuites.stream().anyMatch(s -> !isTls13Suite(s));
        if (protocols.contains("TLSv1.3") && !tls13Suite) {
            problems.add("TLSv1.3 is on but no TLS 1.3 cipher suite is (TLS_AES_128_GCM_SHA256, ...)");
        }
        if (protocols.stream().anyMatch(v -> !v.equals("TLSv1.3")) && !olderSuite) {
            problems.add("TLS 1.2 or older is on but only TLS 1.3 cipher suites are (add e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
        }
        return problems;
    }

    /** Names in {@code protocols} this JDK cannot do, as a message, or {@code null} when all are known. */
    public static String unsupportedProtocol(List<String> protocols) {
        return unknown(protocols, Set.of(supported().getProtocols()), "TLS protocol");
    }

    /** Names in {@code suites} this JDK does not know, as a message, or {@code null} when all are known. */
    public static String unsupportedCipherSuite(List<String> suites) {
        return unknown(suites, Set.of(supported().getCipherSuites()), "cipher suite");
    }

    private static String unknown(List<String> names, Set<String> known, String what) {
        List<String> bad = new ArrayList<>();
        for (String n : names) {
            if (!known.contains(n)) {
                bad.add(n);
            }
        }
        if (bad.isEmpty()) {
            return null;
        }
        return "this JDK does not support the " + what + (bad.size() > 1 ? "s " : " ") + String.join(", ", bad)
                + " (it knows " + String.join(", ", known.stream().sorted().limit(what.equals("TLS protocol") ? 20 : 8).toList())
                + (what.equals("TLS protocol") ? ")" : ", ...)");
    }

    /** TLS 1.3 suites name no key exchange: {@code TLS_AES_*}, {@code TLS_CHACHA20_*}. */
    static boolean isTls13Suite(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }

    private static SSLParameters supported() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no default TLS implementation", e);
        }
    }
}
