package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html|text/html; charset=utf-8",
        "PAGE.HTM|text/html; charset=utf-8",
        "site.css|text/css; charset=utf-8",
        "app.js|text/javascript; charset=utf-8",
        "mod.mjs|text/javascript; charset=utf-8",
        "data.json|application/json; charset=utf-8",
        "app.js.map|application/json; charset=utf-8",
        "notes.txt|text/plain; charset=utf-8",
        "t.csv|text/csv; charset=utf-8",
        "feed.xml|application/xml; charset=utf-8",
        "logo.svg|image/svg+xml; charset=utf-8",
        "a.png|image/png", "a.jpg|image/jpeg", "a.JPEG|image/jpeg", "a.gif|image/gif", "a.webp|image/webp",
        "a.avif|image/avif", "favicon.ico|image/x-icon", "f.woff|font/woff", "f.woff2|font/woff2",
        "f.ttf|font/ttf", "f.otf|font/otf", "m.wasm|application/wasm", "d.pdf|application/pdf",
        "v.mp4|video/mp4", "v.webm|video/webm", "s.mp3|audio/mpeg", "s.ogg|audio/ogg",
        "z.zip|application/zip", "t.tar.gz|application/gzip",
        "Makefile|application/octet-stream", "x.unknownext|application/octet-stream",
        "trailingdot.|application/octet-stream"})
    void mapsExtensions(String name, String type) {
        assertEquals(type, MimeTypes.of(name).contentType());
    }

    @Test
    void knowsWhatIsWorthCompressing() {
        assertTrue(MimeTypes.of("a.html").compressible());
        assertTrue(MimeTypes.of("a.svg").compressible());
        assertTrue(MimeTypes.of("a.wasm").compressible());
        assertFalse(MimeTypes.of("a.png").compressible());
        assertFalse(MimeTypes.of("a.woff2").compressible());
        assertFalse(MimeTypes.of("a.gz").compressible());
        assertFalse(MimeTypes.of("a.bin").compressible());
        assertTrue(MimeTypes.of("a.html").isHtml());
        assertFalse(MimeTypes.of("a.css").isHtml());
    }
}
