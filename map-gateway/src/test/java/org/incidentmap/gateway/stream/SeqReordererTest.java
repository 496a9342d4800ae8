package org.incidentmap.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeqReordererTest {

    private final SeqReorderer reorderer = new SeqReorderer();

    @Test
    void eventsInSeqOrderAfterTheBaselinePassStraightThrough() {
        reorderer.baseline(10);
        assertThat(seqs(reorderer.offer(TestEvents.event(11)))).containsExactly(11L);
        assertThat(seqs(reorderer.offer(TestEvents.event(12)))).containsExactly(12L);
        assertThat(reorderer.hasGap()).isFalse();
        assertThat(reorderer.lastDelivered()).isEqualTo(12);
    }

    @Test
    void anEventAheadOfAMissingSeqIsHeldUntilThePredecessorArrives() {
        reorderer.baseline(10);
        assertThat(reorderer.offer(TestEvents.event(13))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(12))).isEmpty();
        assertThat(reorderer.hasGap()).isTrue();
        assertThat(reorderer.gapSize()).isEqualTo(1);
        assertThat(reorderer.lastDelivered()).isEqualTo(10);

        assertThat(seqs(reorderer.offer(TestEvents.event(11)))).containsExactly(11L, 12L, 13L);
        assertThat(reorderer.hasGap()).isFalse();
    }

    @Test
    void duplicatesAndEventsAtOrBelowTheBaselineAreDropped() {
        reorderer.baseline(10);
        assertThat(reorderer.offer(TestEvents.event(9))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(10))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(12))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(12))).isEmpty();
        assertThat(seqs(reorderer.offer(TestEvents.event(11)))).containsExactly(11L, 12L);
        assertThat(reorderer.offer(TestEvents.event(11))).isEmpty();
        assertThat(reorderer.hasGap()).isFalse();
    }

    @Test
    void withoutABaselineNothingIsDeliveredUntilTheLowestHeldSeqIsTakenAsTheStart() {
        assertThat(reorderer.hasBaseline()).isFalse();
        assertThat(reorderer.offer(TestEvents.event(6))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(5))).isEmpty();
        assertThat(reorderer.offer(TestEvents.event(8))).isEmpty();

        assertThat(seqs(reorderer.startFromLowestHeld())).containsExactly(5L, 6L);
        assertThat(reorderer.hasBaseline()).isTrue();
        assertThat(reorderer.gapSize()).isEqualTo(1);
    }

    @Test
    void aBaselineDropsTheHeldEventsItCoversAndDeliversTheRunThatFollows() {
        reorderer.offer(TestEvents.event(3));
        reorderer.offer(TestEvents.event(5));
        reorderer.offer(TestEvents.event(6));
        reorderer.baseline(4);

        assertThat(seqs(reorderer.startFromLowestHeld())).containsExactly(5L, 6L);
        assertThat(reorderer.hasGap()).isFalse();
    }

    @Test
    void aSecondBaselineDoesNotMoveTheFirst() {
        reorderer.baseline(10);
        reorderer.baseline(20);
        assertThat(seqs(reorderer.offer(TestEvents.event(11)))).containsExactly(11L);
    }

    @Test
    void gapSizeCountsTheSeqsMissingBeforeTheFirstHeldEvent() {
        reorderer.baseline(100);
        reorderer.offer(TestEvents.event(105));
        reorderer.offer(TestEvents.event(110));
        assertThat(reorderer.gapSize()).isEqualTo(4);
        assertThat(reorderer.lastDelivered()).isEqualTo(100);
    }

    private static List<Long> seqs(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::seq).toList();
    }
}
