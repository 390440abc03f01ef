package io.trestle.example.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules for {@code resources/} that need no browser: the pages work offline (no CDN), would run
 * under a strict Content-Security-Policy ({@code script-src 'self'; style-src 'self'}: no
 * inline scripts, handlers or styles), and every file they link to exists.
 */
class WebRootTest {

    private static final Pattern LINK = Pattern.compile("\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style\\b|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    static List<String> pages() throws IOException {
        return names(".html");
    }

    static List<String> scripts() throws IOException {
        return names(".js");
    }

    static List<String> stylesheets() throws IOException {
        return names(".css");
    }

    /** Paths relative to the web root, so the test names read {@code js/login.js}. */
    private static List<String> names(String suffix) throws IOException {
        Path root = WebRoot.find();
        return WebRoot.files(suffix).stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void theAppHasItsPages() {
        Path root = WebRoot.find();
        for (String file : List.of("index.html", "welcome.html", "favicon.svg", "css/app.css",
                "js/api.js", "js/login.js", "js/welcome.js")) {
            assertTrue(Files.isRegularFile(root.resolve(file)), file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageHasNoInlineScriptOrStyle(String name) throws IOException {
        Path page = WebRoot.find().resolve(name);
        String html = read(page);
        Matcher script = SCRIPT_TAG.matcher(html);
        while (script.find()) {
            assertTrue(script.group(1).contains("src="), "inline <script> in " + page + ": " + script.group());
        }
        assertFalse(EVENT_HANDLER.matcher(html).find(), "an on...= handler in " + page);
        assertFalse(STYLE.matcher(html).find(), "inline style in " + page);
        assertFalse(html.contains("javascript:"), "a javascript: URL in " + page);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageLinksOnlyToFilesThatExist(String name) throws IOException {
        Path page = WebRoot.find().resolve(name);
        assertEquals(List.of(), brokenLinks(page, LINK.matcher(read(page))), "broken or remote links in " + page);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stylesheets")
    void stylesheetUsesOnlyLocalFiles(String name) throws IOException {
        Path css = WebRoot.find().resolve(name);
        String text = read(css);
        assertFalse(text.contains("@import"), "@import in " + css);
        assertEquals(List.of(), brokenLinks(css, CSS_URL.matcher(text)), "broken or remote url() in " + css);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptAvoidsDialogsAndHtmlInjection(String name) throws IOException {
        Path js = WebRoot.find().resolve(name);
        String text = read(js);
        for (String banned : List.of("alert(", "confirm(", "prompt(", "innerHTML", "outerHTML",
                "document.write", "eval(", "new Function")) {
            assertFalse(text.contains(banned), banned + " in " + js);
        }
        assertTrue(text.contains("\"use strict\";"), "strict mode in " + js);
    }

    /** Links that leave the server or point at no file; {@code #…} and the API are not files. */
    private static List<String> brokenLinks(Path from, Matcher links) {
        Path root = WebRoot.find();
        List<String> broken = new ArrayList<>();
        while (links.find()) {
            String link = links.group(1);
            if (link.startsWith("#") || link.startsWith("data:") || link.startsWith("/api/")) {
                continue;
            }
            if (link.contains("//")) {
                broken.add(link + " (remote: the pages must work offline)");
                continue;
            }
            String path = link.split("[?#]", 2)[0];
            Path target = path.startsWith("/") ? root.resolve(path.substring(1)) : from.getParent().resolve(path);
            if (path.isEmpty() || path.endsWith("/")) {
                target = target.resolve("index.html");
            }
            if (!Files.isRegularFile(target.normalize()) || !target.normalize().startsWith(root)) {
                broken.add(link);
            }
        }
        return broken;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
