package org.incidentmap.incident.extraction;

import java.time.Instant;

/** Runs the extractor over a test snippet with the fixed test gazetteer. */
final class Reports {

    /** A Monday morning, so weekday words resolve to the days just before it. */
    static final Instant MONDAY_1_DEC_2025 = Instant.parse("2025-12-01T08:00:00Z");

    private static final ReportExtractor EXTRACTOR = new ReportExtractor(new FixedMentionResolver());

    private Reports() {
    }

    static Extraction extract(String text) {
        return EXTRACTOR.extract(Report.of(text, MONDAY_1_DEC_2025));
    }

    static Candidate only(Extraction x) {
        org.assertj.core.api.Assertions.assertThat(x.candidates()).hasSize(1);
        return x.candidates().get(0);
    }
}
