package io.trestle.example.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's documentation as the doc tests see it: {@code README.md} and every
 * {@code docs/*.md}, split into fenced code blocks (with the marker comment written just above
 * each) and prose lines. Only what the tests need of Markdown: fences of three or more backticks,
 * ATX headings ({@code ## Title}), inline links.
 */
final class MarkdownDocs {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private MarkdownDocs() {
    }

    /** README.md first, then docs/*.md by name. */
    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(REPO.resolve("README.md"));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The name to show in failures: the path from the repository root. */
    static String name(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(REPO) ? REPO.relativize(absolute).toString() : absolute.toString();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fenced code block. {@code line} is the 1-based line of its opening fence, so the block's
     * first line of code is {@code line + 1}; {@code marker} is the text of an HTML comment on the
     * last non-blank line above the fence ({@code "java: statements"} for
     * {@code <!-- java: statements -->}), or empty.
     */
    record Block(Path file, int line, String info, String marker, List<String> code) {
        String language() {
            int space = info.indexOf(' ');
            return space < 0 ? info : info.substring(0, space);
        }

        boolean hasFlag(String flag) {
            String[] words = info.split(" +");
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        String where() {
            return name(file) + ":" + line;
        }
    }

    static List<Block> blocks(Path file) {
        List<String> lines = lines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = fenceOf(lines.get(i));
            if (fence == null) {
                continue;
            }
            String info = lines.get(i).strip().substring(fence.length()).strip();
            int open = i;
            List<String> code = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals(fence); i++) {
                code.add(lines.get(i));
            }
            blocks.add(new Block(file, open + 1, info, markerAbove(lines, open), code));
        }
        return blocks;
    }

    /** The prose of {@code file}: its lines with every fenced block's lines (fences too) blanked. */
    static List<String> prose(Path file) {
        List<String> lines = new ArrayList<>(lines(file));
        for (int i = 0; i < lines.size(); i++) {
            String fence = fenceOf(lines.get(i));
            if (fence == null) {
                continue;
            }
            lines.set(i, "");
            for (i++; i < lines.size() && !lines.get(i).strip().equals(fence); i++) {
                lines.set(i, "");
            }
            if (i < lines.size()) {
                lines.set(i, "");
            }
        }
        return lines;
    }

    /** The backticks opening a fence on this line (three or more, up to three spaces in), or null. */
    private static String fenceOf(String line) {
        String stripped = line.stripLeading();
        if (line.length() - stripped.length() > 3 || !stripped.startsWith("```")) {
            return null;
        }
        int n = 0;
        while (n < stripped.length() && stripped.charAt(n) == '`') {
            n++;
        }
        return stripped.substring(0, n);
    }

    private static String markerAbove(List<String> lines, int fence) {
        for (int i = fence - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("<!--") && line.endsWith("-->")) {
                return line.substring(4, line.length() - 3).strip();
            }
            return "";
        }
        return "";
    }
}
