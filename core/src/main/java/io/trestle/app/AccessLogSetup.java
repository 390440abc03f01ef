package io.trestle.app;

import io.trestle.AccessLogWriter;
import io.trestle.Config;
import io.trestle.config.CoreSettings;
import io.trestle.config.UsageException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The launcher's access log part: the writer {@code --access-log} and {@code --access-log-to} ask for. */
final class AccessLogSetup {
    private AccessLogSetup() {}

    /** A new writer, or null when the access log is off; a file that can't be appended to is a usage error. */
    static AccessLogWriter open(Config config) {
        if (!config.bool(CoreSettings.ACCESS_LOG.name(), true)) {
            return null;
        }
        String to = config.string(CoreSettings.ACCESS_LOG_TO.name(), "stdout");
        switch (to) {
            case "stdout":
                return AccessLogWriter.toStandardOutput();
            case "logger":
                return AccessLogWriter.toLogger();
            default:
                try {
                    return AccessLogWriter.toFile(Path.of(to));
                } catch (NoSuchFileException e) {
                    throw new UsageException("--access-log-to " + to + ": its folder does not exist");
                } catch (AccessDeniedException e) {
                    throw new UsageException("--access-log-to " + to + ": permission denied");
                } catch (IOException | InvalidPathException e) {
                    throw new UsageException("--access-log-to " + to + ": cannot append to it (" + e.getMessage() + ")");
                }
        }
    }
}
