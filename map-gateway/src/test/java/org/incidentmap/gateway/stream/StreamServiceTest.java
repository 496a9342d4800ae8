package org.incidentmap.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A client's stream from resume point to live tail, with the hub and the subscriber as they run in
 * the gateway, an in-memory event log and connections that record what they were sent. Events are
 * handed to subscribers on the calling thread, so every outcome is known when a call returns.
 */
class StreamServiceTest {

    private static final int RING = 5;
    private static final int QUEUE = 3;
    private static final Executor LOOP = Runnable::run;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final StreamHub hub = new StreamHub(config(), metrics);
    private final InMemoryEventLog log = new InMemoryEventLog(2);
    private final StreamService streams = new StreamService(hub, log, TestEvents.MAPPER, config());
    private long published;

    @Test
    void aNewClientGetsOnlyTheEventsPublishedAfterItConnected() {
        publishUpTo(3);
        RecordingConnection client = open(null, StreamFilter.ALL);
        publishUpTo(5);

        assertThat(client.seqs()).containsExactly(4L, 5L);
    }

    @Test
    void aClientResumingWithinTheRingGetsTheLaterBufferedEventsThenLiveOnes() {
        publishUpTo(4);
        RecordingConnection client = open(2L, StreamFilter.ALL);
        assertThat(client.seqs()).containsExactly(3L, 4L);

        publishUpTo(6);
        assertThat(client.seqs()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(log.pagesRead).isZero();
    }

    @Test
    void aClientResumingFromBeforeTheRingIsServedFromTheLogPageByPageThenFromTheRing() {
        publishUpTo(12);
        RecordingConnection client = open(2L, StreamFilter.ALL);
        publishUpTo(13);

        assertThat(client.seqs()).containsExactlyElementsOf(range(3, 13));
        // seqs 3..7 come from the log in pages of two; 8..12 from the ring
        assertThat(log.pagesRead).isEqualTo(3);
    }

    @Test
    void aClientResumingFromASeqTheLogNoLongerHoldsGetsAResetAndTheStreamEnds() {
        publishUpTo(12);
        log.pruneBefore(6);
        RecordingConnection client = open(2L, StreamFilter.ALL);
        publishUpTo(13);

        assertThat(client.texts()).containsExactly("event: reset\ndata: {\"headSeq\":12}\n\n");
        assertThat(client.ended).isTrue();
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void aClientResumingFromASeqTheLogNeverHadGetsAReset() {
        publishUpTo(4);
        RecordingConnection client = open(20L, StreamFilter.ALL);

        assertThat(client.texts()).containsExactly("event: reset\ndata: {\"headSeq\":4}\n\n");
        assertThat(client.ended).isTrue();
    }

    @Test
    void aFreshReplicaServesAClientThatResumesFromTheLogThenLive() {
        startedAfter(6);
        RecordingConnection client = open(2L, StreamFilter.ALL);
        publishUpTo(8);

        assertThat(client.seqs()).containsExactlyElementsOf(range(3, 8));
    }

    @Test
    void aClientAheadOfThisReplicaButNotOfTheLogGetsOnlyTheEventsAfterItsSeq() {
        publishUpTo(5);
        log.upTo(8);
        RecordingConnection client = open(7L, StreamFilter.ALL);
        assertThat(client.frames).isEmpty();
        assertThat(client.ended).isFalse();

        publishUpTo(9);
        assertThat(client.seqs()).containsExactly(8L, 9L);
    }

    @Test
    void eventsPublishedWhileTheHistoryIsReadFromTheLogFollowItWithoutGapOrDuplicate() {
        publishUpTo(12);
        log.holdAnswers();
        RecordingConnection client = open(2L, StreamFilter.ALL);
        publishUpTo(14);
        assertThat(client.frames).isEmpty();

        log.releaseAnswers();
        publishUpTo(15);
        assertThat(client.seqs()).containsExactlyElementsOf(range(3, 15));
    }

    @Test
    void eventsTheLogAndTheLiveTailBothCarryAreSentOnce() {
        startedAfter(4);
        log.holdAnswers();
        RecordingConnection client = open(1L, StreamFilter.ALL);
        // Live while the first page is pending; the log's later pages hold the same events.
        publishUpTo(6);
        log.releaseAnswers();

        assertThat(client.seqs()).containsExactlyElementsOf(range(2, 6));
    }

    @Test
    void filteredClientsGetExactlyTheMatchingEventsFromHistoryAndLive() {
        hub.publish(TestEvents.event(1, 36.23, 49.99, "Explosions/Remote violence", 1));
        hub.publish(TestEvents.event(2, 30.73, 46.48, "Battles", 7));
        RecordingConnection inKharkivBox = open(0L, new StreamFilter(new double[] {35, 49, 37, 51}, Set.of(), null));
        RecordingConnection battles = open(0L, new StreamFilter(null, Set.of("Battles", "Protests"), null));
        RecordingConnection deadly = open(0L, new StreamFilter(null, Set.of(), 5));
        RecordingConnection everything = open(0L, StreamFilter.ALL);
        hub.publish(TestEvents.event(3, 24.03, 49.84, "Explosions/Remote violence", null));
        hub.publish(TestEvents.event(4, 36.5, 50.1, "Battles", 9));

        assertThat(inKharkivBox.seqs()).containsExactly(1L, 4L);
        assertThat(battles.seqs()).containsExactly(2L, 4L);
        assertThat(deadly.seqs()).containsExactly(2L, 4L);
        assertThat(everything.seqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void everySubscriberIsWrittenTheSameEncodedFrame() {
        RecordingConnection a = open(null, StreamFilter.ALL);
        RecordingConnection b = open(null, new StreamFilter(null, Set.of("Explosions/Remote violence"), null));
        StreamEvent event = TestEvents.event(1);
        hub.publish(event);

        assertThat(a.frames).hasSize(1);
        assertThat(a.frames.get(0)).isSameAs(event.frame());
        assertThat(b.frames.get(0)).isSameAs(event.frame());
        assertThat(event.frame().toString()).startsWith("id: 1\nevent: incident.created\ndata: {\"type\":\"Feature\"")
                .endsWith("}\n\n").doesNotContain("\"seq\"");
    }

    @Test
    void eventsForAConnectionThatCannotTakeMoreWaitAndFollowInOrderOnceItCan() {
        RecordingConnection client = open(null, StreamFilter.ALL);
        client.writable = false;
        publishUpTo(3);
        assertThat(client.frames).isEmpty();

        client.drain();
        publishUpTo(4);
        assertThat(client.seqs()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(client.aborted).isFalse();
    }

    @Test
    void historyIsWrittenOnlyAsFastAsTheConnectionTakesIt() {
        publishUpTo(4);
        RecordingConnection client = new RecordingConnection();
        client.fullAfterEachWrite = true;
        streams.open(0L, StreamFilter.ALL, client, LOOP);
        assertThat(client.seqs()).containsExactly(1L);

        client.drain();
        assertThat(client.seqs()).containsExactly(1L, 2L);
        client.drain();
        client.drain();
        client.drain();
        assertThat(client.seqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aSubscriberWhoseQueueIsFullIsCutOffWhileTheOthersGetEverything() {
        RecordingConnection stalled = open(null, StreamFilter.ALL);
        RecordingConnection reading = open(null, StreamFilter.ALL);
        stalled.writable = false;
        publishUpTo(QUEUE);
        assertThat(stalled.aborted).isFalse();

        publishUpTo(QUEUE + 2);
        assertThat(stalled.aborted).isTrue();
        assertThat(stalled.frames).isEmpty();
        assertThat(reading.seqs()).containsExactlyElementsOf(range(1, QUEUE + 2));
        assertThat(hub.subscriberCount()).isEqualTo(1);
        assertThat(metrics.counter("gateway.stream.subscribers.dropped").count()).isEqualTo(1);
    }

    @Test
    void aClosedConnectionIsWrittenNothingMoreAndLeavesTheHub() {
        RecordingConnection client = new RecordingConnection();
        Runnable close = streams.open(null, StreamFilter.ALL, client, LOOP);
        publishUpTo(1);
        close.run();
        publishUpTo(2);

        assertThat(client.seqs()).containsExactly(1L);
        assertThat(hub.subscriberCount()).isZero();
    }

    private RecordingConnection open(Long since, StreamFilter filter) {
        RecordingConnection connection = new RecordingConnection();
        streams.open(since, filter, connection, LOOP);
        return connection;
    }

    /** Appends the seqs up to {@code seq} to the log and publishes those the hub has not, as Kafka would. */
    private void publishUpTo(long seq) {
        log.upTo(seq);
        while (published < seq) {
            hub.publish(TestEvents.event(++published));
        }
    }

    /** A replica that started when the log's head was {@code head}: it publishes only what follows. */
    private void startedAfter(long head) {
        log.upTo(head);
        published = head;
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static StreamConfig config() {
        return new StreamConfig() {
            @Override
            public int bufferSize() {
                return RING;
            }

            @Override
            public int queueSize() {
                return QUEUE;
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration retry() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration reorderWait() {
                return Duration.ofMillis(300);
            }
        };
    }
}
