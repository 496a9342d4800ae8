package org.incidentmap.gateway.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incidentmap.gateway.problem.BadParameterException;
import org.junit.jupiter.api.Test;

class PlaceQueryTest {

    @Test
    void qIsTrimmedAndLimitDefaultsToTheMostTheGeocoderCompletes() {
        assertThat(PlaceQuery.parse("  Khar ", null)).isEqualTo(new PlaceQuery("Khar", 10));
        assertThat(PlaceQuery.parse("Khar", "3").limit()).isEqualTo(3);
    }

    @Test
    void qIsCountedInCharactersNotUtf16Units() {
        String hundred = "\uD835\uDC00".repeat(100);
        assertThat(PlaceQuery.parse(hundred, null).q()).isEqualTo(hundred);
        assertThatThrownBy(() -> PlaceQuery.parse(hundred + "a", null)).isInstanceOf(BadParameterException.class);
    }

    @Test
    void emptyOverlongAndControlCharacterQAreRefusedNamingQ() {
        for (String q : new String[] {null, "", " \t ", "x".repeat(101), "Kh\u0000ar", "Kh\u001bar", "Kh\u0085ar"}) {
            assertThatThrownBy(() -> PlaceQuery.parse(q, null)).isInstanceOf(BadParameterException.class)
                    .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("q");
        }
    }

    @Test
    void aLimitOutsideOneToTenIsRefusedNamingLimit() {
        for (String limit : new String[] {"0", "11", "-1", "two", "1.5"}) {
            assertThatThrownBy(() -> PlaceQuery.parse("Khar", limit)).isInstanceOf(BadParameterException.class)
                    .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("limit");
        }
    }
}
