package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.incidentmap.gateway.upstream.EventPage;

/**
 * incident-service's event log as the stream reads it, held in memory: events from a first kept
 * seq (older ones pruned) to the head, answered in pages; answers can be held back to let events
 * go live while a client's history is still being read.
 */
final class InMemoryEventLog implements EventHistory {

    private final List<ObjectNode> events = new ArrayList<>();
    private final int pageSize;
    private long firstKept = 1;
    private long head;
    private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    int pagesRead;

    InMemoryEventLog(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Appends the events up to {@code seq}, each a shelling in Kharkiv. */
    InMemoryEventLog upTo(long seq) {
        for (long s = head + 1; s <= seq; s++) {
            append(TestEvents.json(s, 36.23, 49.99, "Explosions/Remote violence", 1));
        }
        return this;
    }

    void append(ObjectNode event) {
        events.add(event);
        head = event.path("seq").asLong();
    }

    /** Forgets the events before {@code seq}, as retention does. */
    void pruneBefore(long seq) {
        firstKept = seq;
    }

    void holdAnswers() {
        gate = new CompletableFuture<>();
    }

    void releaseAnswers() {
        gate.complete(null);
    }

    @Override
    public Uni<EventPage> eventsAfter(long after, int limit) {
        return Uni.createFrom().completionStage(gate).map(v -> {
            pagesRead++;
            List<ObjectNode> page = events.stream()
                    .filter(e -> e.path("seq").asLong() > after && e.path("seq").asLong() >= firstKept)
                    .limit(limit).toList();
            return new EventPage(page, head);
        });
    }

    @Override
    public Uni<Long> headSeq() {
        return Uni.createFrom().completionStage(gate).map(v -> head);
    }

    @Override
    public int pageSize() {
        return pageSize;
    }
}
