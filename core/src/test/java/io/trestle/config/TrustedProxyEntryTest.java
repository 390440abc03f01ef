package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.http1.ForwardedResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trusted-proxies setting is checked by the same parser the resolver uses. */
class TrustedProxyEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.0/8", "192.168.1.0/24", "1.2.3.4/32",
            "0.0.0.0/0", "::", "::1", "fe80::1", "2001:db8::/32", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "::ffff:192.0.2.1", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:1.2.3.4", "FD00::/8", "::/0",
            "fd00::/128", "[::1]", " 1.2.3.4"})
    void accepted(String text) {
        assertTrue(ForwardedResolver.isProxyEntry(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "proxy.example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4",
            "01.2.3.4", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/8/8", "::/129", ":::", "1::2::3", ":1::",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1", "fe80::1%eth0", "1.2.3.4::",
            "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "١٢٣.0.0.1"})
    void refused(String text) {
        assertFalse(ForwardedResolver.isProxyEntry(text), text);
    }
}
