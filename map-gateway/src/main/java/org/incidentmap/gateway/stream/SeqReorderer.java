package org.incidentmap.gateway.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts events back into seq order. The topic has several partitions, so an event can arrive before
 * its predecessor; it is held until the predecessor arrives or the gap is filled from the event log.
 * Duplicates (at-least-once delivery, overlap with a fill) are dropped. Not thread-safe: the
 * pipeline serialises calls.
 */
final class SeqReorderer {

    private long next;
    private final TreeMap<Long, StreamEvent> held = new TreeMap<>();

    /** Sets the first seq to deliver unless an earlier baseline was already set. */
    void baseline(long lastDelivered) {
        if (next == 0) {
            next = lastDelivered + 1;
            held.headMap(next).clear();
        }
    }

    boolean hasBaseline() {
        return next > 0;
    }

    /** Accepts an event and returns the events now deliverable, in seq order. */
    List<StreamEvent> offer(StreamEvent event) {
        if (next > 0 && event.seq() < next) {
            return List.of();
        }
        held.putIfAbsent(event.seq(), event);
        return drain();
    }

    /** Without a baseline, starts from the lowest held seq: the best a replica can do on its own. */
    List<StreamEvent> startFromLowestHeld() {
        if (next == 0 && !held.isEmpty()) {
            next = held.firstKey();
        }
        return drain();
    }

    boolean hasGap() {
        return !held.isEmpty();
    }

    /** The last seq delivered in order; a gap fill asks the event log for what follows it. */
    long lastDelivered() {
        return next - 1;
    }

    /** The number of seqs missing before the first held event. */
    int gapSize() {
        return held.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, held.firstKey() - next);
    }

    private List<StreamEvent> drain() {
        if (next == 0) {
            return List.of();
        }
        List<StreamEvent> ready = new ArrayList<>();
        StreamEvent e;
        while ((e = held.remove(next)) != null) {
            ready.add(e);
            next++;
        }
        return ready;
    }
}
