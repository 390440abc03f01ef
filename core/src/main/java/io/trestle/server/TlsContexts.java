package io.trestle.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's TLS context from a PKCS#12 keystore and a password file.
 *
 * <pre>{@code
 * SSLContext tls = TlsContexts.fromPkcs12(Path.of("server.p12"), Path.of("server.pass"));
 * Server.builder().tls(tls)...
 * }</pre>
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @throws IllegalArgumentException with a message for the operator when the files can't be
     *                                  read or the password doesn't open the keystore
     */
    public static SSLContext fromPkcs12(Path keystore, Path passwordFile) {
        TlsSockets.rejectClientRenegotiation(); // as early as can be: the JDK reads it once per JVM
        char[] password = readPassword(passwordFile);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS keystore " + keystore + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS keystore " + keystore + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS password file " + file + ": " + e.getMessage(), e);
        }
    }
}
