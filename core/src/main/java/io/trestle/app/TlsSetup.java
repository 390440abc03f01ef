package io.trestle.app;

import io.trestle.Config;
import io.trestle.config.CoreSettings;
import io.trestle.config.UsageException;
import io.trestle.server.TlsContexts;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** The launcher's TLS part: the context {@code --tls-keystore} and {@code --tls-password-file} ask for. */
final class TlsSetup {
    private TlsSetup() {}

    /** The TLS context of the settings, or null for plain HTTP; a half-given pair is a usage error. */
    static SSLContext context(Config config) {
        var keystore = config.get(CoreSettings.TLS_KEYSTORE.name());
        var password = config.get(CoreSettings.TLS_PASSWORD_FILE.name());
        if (keystore.isEmpty() && password.isEmpty()) {
            if (config.get(CoreSettings.REDIRECT_HTTP.name()).isPresent()) {
                throw new UsageException("--redirect-http needs HTTPS: give --tls-keystore and --tls-password-file");
            }
            return null;
        }
        if (keystore.isEmpty() || password.isEmpty()) {
            throw new UsageException("HTTPS needs both --tls-keystore FILE and --tls-password-file FILE");
        }
        CoreSettings.tlsPolicy(config); // a version left without a suite is a usage error, before the keystore is read
        try {
            return TlsContexts.fromPkcs12(Path.of(keystore.get()), Path.of(password.get()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
