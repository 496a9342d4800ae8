package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplittingTest {

    @Test
    void abbreviationsDoNotEndASentence() {
        String text = "U.S. envoy Mr. Smith arrived on Monday. Drones hit Odesa.";
        assertThat(Span.sentences(text)).extracting(s -> s.of(text))
                .containsExactly("U.S. envoy Mr. Smith arrived on Monday.", "Drones hit Odesa.");
    }

    @Test
    void clausesSplitAtWhileButAndSemicolons() {
        String text = "In Kherson two died, while Donetsk saw one death; in Sumy three were hurt, but Lviv was calm.";
        Span sentence = Span.sentences(text).get(0);
        assertThat(sentence.clauses(text, Language.EN)).extracting(s -> s.of(text)).containsExactly("In Kherson two died",
                "Donetsk saw one death", "in Sumy three were hurt", "Lviv was calm.");
    }
}
