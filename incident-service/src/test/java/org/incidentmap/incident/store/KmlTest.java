package org.incidentmap.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KmlTest {

    @Test
    void controlCharactersXmlCannotHoldBecomeReplacementCharacters() {
        assertThat(Kml.xmlText("Kharkiv\u0001 city\u001f")).isEqualTo("Kharkiv\uFFFD city\uFFFD");
    }

    @Test
    void tabsLineBreaksAndCharactersOutsideTheBasicPlaneAreKept() {
        String text = "line one\nline\ttwo\r\n\uD83D\uDCA5 Київ";
        assertThat(Kml.xmlText(text)).isSameAs(text);
    }
}
