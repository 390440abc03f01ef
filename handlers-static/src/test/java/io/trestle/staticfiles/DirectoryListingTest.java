package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListingTest {
    @TempDir
    Path tmp;

    @Test
    void escapesNamesAndLeavesOutWhatIsNotServed() throws IOException {
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("<script>.txt"), "x");
        Files.writeString(web.resolve("<img src=x onerror='alert(1)'>.txt"), "x");
        Files.writeString(web.resolve("a b & c.txt"), "xy");
        Files.writeString(web.resolve(".secret"), "x");
        Files.createDirectories(web.resolve("zdir"));
        Files.writeString(tmp.resolve("outside.txt"), "x");
        Files.createSymbolicLink(web.resolve("out.txt"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(web.resolve("in.txt"), web.resolve("a b & c.txt"));
        ResourceRoot root = ResourceRoot.of(web);

        String html = DirectoryListing.render(root.find(SafePathResolver.parse("/")), SafePathResolver.parse("/"));

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("href=\"%3Cscript%3E.txt\">&lt;script&gt;.txt</a>"), html);
        assertTrue(html.contains("&lt;img src=x onerror=&#39;alert(1)&#39;&gt;.txt"), html);
        assertTrue(html.contains("href=\"a%20b%20%26%20c.txt\">a b &amp; c.txt</a>"), html);
        assertTrue(html.contains("href=\"zdir/\">zdir/</a>"), html);
        assertTrue(html.contains(">in.txt</a>"), "a link inside the root is listed by its own name");
        assertFalse(html.contains(".secret"), html);
        assertFalse(html.contains("out.txt"), html);
        assertFalse(html.contains("../"), "no parent link at the root");
        assertTrue(html.indexOf("zdir/") < html.indexOf("a b &amp; c.txt"), "folders first");
    }

    @Test
    void escapesTheTitleAndLinksToTheParent() throws IOException {
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.createDirectories(web.resolve("<b>"));
        ResourceRoot root = ResourceRoot.of(web);
        RequestPath path = SafePathResolver.parse("/%3Cb%3E/");
        String html = DirectoryListing.render(root.find(path), path);
        assertTrue(html.contains("<title>Index of /&lt;b&gt;/</title>"), html);
        assertTrue(html.contains("href=\"../\""), html);
    }
}
