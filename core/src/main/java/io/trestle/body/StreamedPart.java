package io.trestle.body;

import io.trestle.Headers;
import io.trestle.Part;
import java.io.InputStream;

/** A {@link Part} whose body streams from the request; see {@link MultipartReader}. */
record StreamedPart(String name, String filename, String contentType, Headers headers, InputStream body)
        implements Part {

    @Override
    public String toString() {
        return "Part[name=" + name + (filename == null ? "" : ", filename=" + filename) + ", " + contentType + "]";
    }
}
