package org.incidentmap.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventRingTest {

    @Test
    void afterReturnsTheEventsFollowingASeqOldestFirst() {
        EventRing ring = ringOf(5, 1, 2, 3, 4);
        assertThat(seqs(ring.after(2))).containsExactly(3L, 4L);
        assertThat(ring.oldestSeq()).isEqualTo(1);
    }

    @Test
    void aFullRingOverwritesItsOldestEvents() {
        EventRing ring = ringOf(3, 1, 2, 3, 4, 5);
        assertThat(ring.oldestSeq()).isEqualTo(3);
        assertThat(seqs(ring.after(0))).containsExactly(3L, 4L, 5L);
        assertThat(seqs(ring.after(3))).containsExactly(4L, 5L);
    }

    @Test
    void afterASeqOlderThanTheRingReturnsEverythingItKeeps() {
        EventRing ring = ringOf(2, 7, 8, 9);
        assertThat(seqs(ring.after(1))).containsExactly(8L, 9L);
    }

    @Test
    void afterTheNewestSeqNothingIsReturned() {
        EventRing ring = ringOf(4, 1, 2);
        assertThat(ring.after(2)).isEmpty();
        assertThat(ring.after(50)).isEmpty();
    }

    @Test
    void anEmptyRingHasNoOldestSeqAndNothingAfterAnySeq() {
        EventRing ring = new EventRing(3);
        assertThat(ring.oldestSeq()).isZero();
        assertThat(ring.after(0)).isEmpty();
    }

    @Test
    void wrappingAroundSeveralTimesKeepsTheNewestInOrder() {
        EventRing ring = new EventRing(4);
        for (long seq = 1; seq <= 23; seq++) {
            ring.add(TestEvents.event(seq));
        }
        assertThat(ring.oldestSeq()).isEqualTo(20);
        assertThat(seqs(ring.after(20))).containsExactly(21L, 22L, 23L);
    }

    private static EventRing ringOf(int capacity, long... seqs) {
        EventRing ring = new EventRing(capacity);
        for (long seq : seqs) {
            ring.add(TestEvents.event(seq));
        }
        return ring;
    }

    private static List<Long> seqs(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::seq).toList();
    }
}
