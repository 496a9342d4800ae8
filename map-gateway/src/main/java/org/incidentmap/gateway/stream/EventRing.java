package org.incidentmap.gateway.stream;

import java.util.ArrayList;
import java.util.List;

/** The most recent events in seq order, overwriting the oldest when full. Not thread-safe. */
final class EventRing {

    private final StreamEvent[] slots;
    private int start;
    private int size;

    EventRing(int capacity) {
        this.slots = new StreamEvent[Math.max(1, capacity)];
    }

    void add(StreamEvent event) {
        int end = (start + size) % slots.length;
        slots[end] = event;
        if (size < slots.length) {
            size++;
        } else {
            start = (start + 1) % slots.length;
        }
    }

    /** Seq of the oldest event kept, or 0 when empty. */
    long oldestSeq() {
        return size == 0 ? 0 : slots[start].seq();
    }

    /** Events with seq greater than {@code seq}, oldest first. */
    List<StreamEvent> after(long seq) {
        List<StreamEvent> out = new ArrayList<>();
        if (size == 0) {
            return out;
        }
        long offset = Math.max(0, seq + 1 - slots[start].seq());
        for (long i = offset; i < size; i++) {
            out.add(slots[(int) ((start + i) % slots.length)]);
        }
        return out;
    }
}
