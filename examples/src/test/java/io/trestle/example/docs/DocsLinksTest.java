package io.trestle.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trestle.example.docs.MarkdownDocs.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The links between README.md and docs/*.md resolve (files, and {@code #anchors} by GitHub's
 * rules); external links are not fetched. And the README keeps its shape: the two commands in its
 * first fenced block, at most 150 lines before its first link into docs/, a link to every page.
 */
class DocsLinksTest {
    /** {@code [text](target)} or {@code ![alt](target)}, with an optional title. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final int MAX_LINES_BEFORE_DOCS = 150;

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : MarkdownDocs.files()) {
            List<String> prose = MarkdownDocs.prose(file);
            for (int i = 0; i < prose.size(); i++) {
                Matcher m = LINK.matcher(INLINE_CODE.matcher(prose.get(i)).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // http:, https:, mailto: ... are not fetched
                    }
                    checked++;
                    String problem = problemWith(file, target);
                    if (problem != null) {
                        broken.add(MarkdownDocs.name(file) + ":" + (i + 1) + ": (" + target + ") " + problem);
                    }
                }
            }
        }
        assertTrue(checked > 10, "only " + checked + " relative links found: is the link reader broken?");
        if (!broken.isEmpty()) {
            fail(broken.size() + " broken link(s):\n" + String.join("\n", broken));
        }
    }

    @Test
    void theReadmeLinksEveryPageOfDocs() {
        String readme = String.join("\n", MarkdownDocs.prose(MarkdownDocs.REPO.resolve("README.md")));
        List<String> unlinked = MarkdownDocs.files().stream().skip(1)
                .map(f -> "docs/" + f.getFileName())
                .filter(page -> !readme.contains("](" + page + ")") && !readme.contains("](" + page + "#"))
                .toList();
        assertEquals(List.of(), unlinked, "pages of docs/ the README does not link to");
    }

    @Test
    void theReadmeStartsWithTheTwoCommandsAndReachesDocsWithin150Lines() {
        Path readme = MarkdownDocs.REPO.resolve("README.md");
        Block first = MarkdownDocs.blocks(readme).getFirst();
        String commands = String.join("\n", first.code());
        assertTrue(commands.contains("./mvnw -q -DskipTests package && bin/trestle") && commands.contains("./mvnw verify"),
                "the README's first fenced block (line " + first.line() + ") should hold the two commands:\n" + commands);

        List<String> prose = MarkdownDocs.prose(readme);
        int firstDocsLink = -1;
        for (int i = 0; i < prose.size() && firstDocsLink < 0; i++) {
            Matcher m = LINK.matcher(prose.get(i));
            while (m.find()) {
                if (m.group(1).startsWith("docs/")) {
                    firstDocsLink = i + 1;
                    break;
                }
            }
        }
        assertTrue(firstDocsLink > 0, "the README links nowhere into docs/");
        assertTrue(firstDocsLink - 1 <= MAX_LINES_BEFORE_DOCS, "the README's first link into docs/ is on line "
                + firstDocsLink + "; at most " + MAX_LINES_BEFORE_DOCS + " lines may come before it");
    }

    @Test
    void anchorsFollowGitHubsRules() {
        Map<String, Integer> seen = new HashMap<>();
        assertEquals("the-route-index", anchor("The `@Route` index", seen));
        assertEquals("plugins-drop-in-a-jar", anchor("Plugins: drop in a jar", seen));
        assertEquals("new-jar--its-routes-are-served", anchor("New jar → its routes are served", seen));
        assertEquals("settings_file-and-env", anchor("Settings_file and env", seen));
        assertEquals("the-route-index-1", anchor("The @Route index", seen));
        assertEquals("see-the-guide", anchor("See [the guide](docs/x.md)", seen));
    }

    @Test
    void brokenFilesAndAnchorsAreCaught() {
        Path readme = MarkdownDocs.REPO.resolve("README.md");
        assertEquals(null, problemWith(readme, "docs/handlers.md#errors"));
        assertTrue(problemWith(readme, "docs/no-such-page.md").contains("no such file"));
        assertTrue(problemWith(readme, "docs/handlers.md#no-such-heading").contains("no heading"));
        assertTrue(problemWith(readme, "#no-such-heading").contains("no heading"));
    }

    /** What is wrong with a relative link from {@code from}, or null. */
    private static String problemWith(Path from, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!resolved.startsWith(MarkdownDocs.REPO)) {
            return "leads out of the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors = anchors(resolved);
        return anchors.contains(fragment) ? null : "no heading with anchor #" + fragment + " in " + MarkdownDocs.name(resolved);
    }

    /** The anchors GitHub gives a Markdown file: one per heading, and explicit {@code <a id>}s. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : MarkdownDocs.prose(file)) {
            if (line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                if (level <= 6 && (level == line.length() || line.charAt(level) == ' ')) {
                    anchors.add(anchor(line.substring(level).replaceAll("\\s+#+\\s*$", "").strip(), seen));
                }
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                anchors.add(a.group(1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor for a heading (github-slugger): the rendered text lower-cased, every character
     * but letters, digits, {@code _}, {@code -} and spaces dropped, spaces made {@code -}; a repeat
     * gets {@code -1}, {@code -2}, ...
     */
    static String anchor(String heading, Map<String, Integer> seen) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        String base = slug.toString();
        int count = seen.merge(base, 1, Integer::sum) - 1;
        return count == 0 ? base : base + "-" + count;
    }
}
