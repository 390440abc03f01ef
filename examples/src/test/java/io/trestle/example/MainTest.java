package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theMajorVersionIsReadFromOldAndNewSpecificationVersions() {
        assertEquals("8", Main.majorPart("1.8"));
        assertEquals("21", Main.majorPart("21"));
        assertEquals("25", Main.majorPart("25"));
        assertEquals("26", Main.majorPart("26.1"));
    }
}
