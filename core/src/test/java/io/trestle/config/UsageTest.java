package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageTest {
    private final String text = Usage.format("trestle", CoreSettings.ALL);

    @Test
    void startsWithTheCommand() {
        assertTrue(text.startsWith("Usage: trestle [options]\n"), text);
    }

    @Test
    void namesEverySettingAndItsVariable() {
        for (Setting s : CoreSettings.ALL) {
            assertTrue(text.contains("--" + s.name()) || text.contains("--[no-]" + s.name()), s.name());
            assertTrue(text.contains("env " + s.environmentVariable() + ")"), s.environmentVariable());
            assertTrue(text.replaceAll("\\s+", " ").contains(s.description()), "wrapped, but all there: " + s.description());
        }
    }

    @Test
    void listsSettingsInTheOrderGiven() {
        int previous = -1;
        for (Setting s : CoreSettings.ALL) {
            int at = text.indexOf(s.environmentVariable() + ")");
            assertTrue(at > previous, s.name() + " out of order");
            previous = at;
        }
    }

    @Test
    void lineShapes() {
        assertTrue(text.contains("\n  --port N "), text);
        assertTrue(text.contains("(default: 8080; env TRESTLE_PORT)"), text);
        assertTrue(text.contains("\n  --strict "), "a switch has no value placeholder");
        assertTrue(text.contains("\n  --[no-]access-log "), "a switch that is on says how to turn it off");
        assertTrue(text.contains("\n  --max-body-size SIZE "), text);
        assertTrue(text.contains("\n  --idle-timeout TIME "), text);
        assertTrue(text.contains("(env TRESTLE_CONFIG)"), "no default, no default shown");
    }

    @Test
    void linesStayReadable() {
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 100, "too long: " + line);
        }
    }

    @Test
    void longDescriptionsWrapAtWordsAndDetailsStayWhole() {
        Setting wordy = Setting.of("wordy", Setting.Kind.STRING, "x",
                "a description long enough that it cannot fit on one line of a help text, even a generous one, so it wraps");
        String wrapped = Usage.format("t", List.of(wordy));
        assertTrue(wrapped.contains("(default: x; env TRESTLE_WORDY)"), wrapped);
        for (String line : wrapped.split("\n")) {
            assertTrue(line.length() <= 100, "too long: " + line);
        }
        String[] lines = wrapped.substring(0, wrapped.indexOf("\n\nEvery")).split("\n");
        int first = lines.length - 1;
        while (!lines[first].startsWith("  --wordy")) {
            first--;
        }
        int column = lines[first].indexOf("a description");
        assertTrue(first < lines.length - 1, "wrapped onto more lines");
        for (int i = first + 1; i < lines.length; i++) {
            assertEquals(column, lines[i].length() - lines[i].stripLeading().length(), "indented: " + lines[i]);
        }
    }

    @Test
    void detailsTooLongForALineWrapAtTheirSpaces() {
        Setting policy = Setting.of("content-security-policy", Setting.Kind.STRING,
                "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", "a policy");
        String wrapped = Usage.format("t", List.of(policy));
        for (String line : wrapped.split("\n")) {
            assertTrue(line.length() <= 100, "too long: " + line);
        }
        String flat = wrapped.replaceAll("\\s+", " ");
        assertTrue(flat.contains("(default: default-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self'; env TRESTLE_CONTENT_SECURITY_POLICY)"), wrapped);
    }

    @Test
    void descriptionsLineUp() {
        int port = text.indexOf("TCP port");
        int portLine = text.lastIndexOf('\n', port);
        int host = text.indexOf("address to listen on");
        int hostLine = text.lastIndexOf('\n', host);
        assertEquals(port - portLine, host - hostLine);
    }

    @Test
    void sectionsKeepTheirOrder() {
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        sections.put("Options", List.of(CoreSettings.PORT));
        sections.put("Plugin login", List.of(Setting.of("users", Setting.Kind.PATH, "users.properties", "the users file")));
        String sectioned = Usage.format("java -jar app.jar", sections);
        assertTrue(sectioned.indexOf("\nOptions:\n") < sectioned.indexOf("\nPlugin login:\n"), sectioned);
        assertTrue(sectioned.contains("--users PATH"), sectioned);
        assertTrue(sectioned.contains("(default: users.properties; env TRESTLE_USERS)"), sectioned);
    }
}
