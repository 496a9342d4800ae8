package org.incidentmap.geocoding.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentmap.geocoding.match.ParsedQuery.ContextTerm;
import org.incidentmap.geocoding.match.ParsedQuery.Precision;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    @Test
    void regionWordsAskForTheRegionAndItsStem() {
        ParsedQuery q = QueryParser.parse("Kharkivska oblast", null, null);
        assertThat(q.wanted()).isEqualTo(Precision.REGION);
        assertThat(q.forms()).contains("kharkiv");
    }

    @Test
    void districtWordsAskForDistrictPrecision() {
        assertThat(QueryParser.parse("Pokrovsk district", null, null).wanted()).isEqualTo(Precision.DISTRICT);
    }

    @Test
    void aPlainNameAsksForAnyPlace() {
        assertThat(QueryParser.parse("Donetsk", null, null).wanted()).isEqualTo(Precision.ANY);
    }

    @Test
    void whatFollowsACommaOrNearIsContextNotName() {
        ParsedQuery comma = QueryParser.parse("Yampil, Donetsk oblast", null, null);
        assertThat(comma.forms()).containsExactly("yampil");
        assertThat(comma.context()).anyMatch(t -> t.kind() == ContextTerm.Kind.REGION && t.forms().contains("donetsk"));

        ParsedQuery near = QueryParser.parse("Yampil near Lyman", null, null);
        assertThat(near.forms()).containsExactly("yampil");
        assertThat(near.context()).anyMatch(t -> t.kind() == ContextTerm.Kind.PLACE && t.forms().contains("lyman"));
    }

    @Test
    void countryNamesInContextBecomeCountryTerms() {
        assertThat(QueryParser.parse("Donetsk", "a town in Russia", null).context())
                .anyMatch(t -> t.kind() == ContextTerm.Kind.COUNTRY && t.forms().contains("RU"));
    }
}
