package org.incidentmap.incident.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For test classes whose every request is refused: after each test the event log's head is where it
 * was before, so nothing was written.
 */
public abstract class NothingWrittenCheck {

    private long headBefore;

    @BeforeEach
    void rememberHead() {
        headBefore = Incidents.headSeq();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(Incidents.headSeq()).isEqualTo(headBefore);
    }
}
