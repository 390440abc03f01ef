package io.trestle.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the settings file: Java properties, keys are setting names. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /**
     * The file's key/value pairs, sorted by key so messages come out in a stable order.
     *
     * @param where how the user named the file ({@code --config} or {@code TRESTLE_CONFIG})
     * @throws UsageException when the file is missing, a folder, unreadable or malformed
     */
    static Map<String, String> read(String file, String where) {
        if (file.isBlank()) {
            throw new UsageException(where + ": needs the path of a properties file");
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new UsageException(where + ": not a valid path: '" + file + "'");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("config file " + file + " is a folder, not a properties file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UsageException("config file not found: " + file + " (given by " + where + ")");
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot read config file " + file + ": " + e);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(decode(bytes)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("config file " + file + " is not a valid properties file: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    /** UTF-8, or ISO-8859-1 (the classic properties encoding) when the bytes are not UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
