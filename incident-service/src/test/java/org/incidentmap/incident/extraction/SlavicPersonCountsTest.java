package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Casualties counted from the persons a Ukrainian post lists, with their ages, after a casualty word. */
class SlavicPersonCountsTest {

    private static List<Casualty> read(String clause) {
        return SlavicCasualtyReader.read(Token.split(clause, 0, clause.length()), Morphology.lookup(Language.UK));
    }

    @Test
    void aPersonWithAnAgeCountsOne() {
        assertThat(read("Кочеток – загинув 47-річний чоловік")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Casualty.Kind.KILLED))
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    }

    @Test
    void personsListedWithTheirAgesAreCountedEach() {
        assertThat(read("м. Харків – поранені 61-річна жінка та 34-річний чоловік")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Casualty.Kind.INJURED))
                .satisfies(c -> assertThat(c.count()).isEqualTo(2));
    }

    @Test
    void theObjectOfAnImpersonalFormCounts() {
        assertThat(read("Вранці дрон атакував село, поранено 38-річного чоловіка")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Casualty.Kind.INJURED))
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    }

    @Test
    void anAgeAloneIsNoCount() {
        assertThat(read("загинув 47-річний")).isEmpty();
    }
}
