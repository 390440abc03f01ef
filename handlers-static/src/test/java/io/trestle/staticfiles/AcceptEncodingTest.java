package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "gzip, deflate, br, zstd|br|1000",
        "gzip, deflate, br, zstd|gzip|1000",
        "gzip|br|0",
        "null|gzip|0",
        "''|gzip|0",
        "br;q=0.5, gzip;q=0.8|br|500",
        "br;q=0.5, gzip;q=0.8|gzip|800",
        "gzip;q=0|gzip|0",
        "GZIP;Q=1.0|gzip|1000",
        "x-gzip|gzip|1000",
        "*|br|1000",
        "*;q=0.1, gzip;q=0|gzip|0",
        "*;q=0.1, gzip;q=0|br|100",
        "identity;q=1, *;q=0|gzip|0",
        "gzip;q=0.001|gzip|1",
        "gzip;q=1.5|gzip|0",
        "gzip;q=abc|gzip|0",
        "gzip;q=0.1234|gzip|0",
        "gzip;level=1|gzip|1000",
        "brotli|br|0"})
    void readsQualities(String header, String coding, int quality) {
        assertEquals(quality, AcceptEncoding.quality(header, coding));
    }
}
