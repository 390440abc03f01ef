package io.trestle.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/** TEMPORARY STUB (replaced by the body branch). */
public final class FormBody {
    private FormBody() {
    }

    public static Map<String, List<String>> parse(InputStream in, Charset charset, long maxBytes) throws IOException {
        return QueryString.parse(new String(in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8)), charset));
    }
}
