package org.incidentmap.gateway.stream;

import java.util.Set;
import java.util.function.Predicate;

/** The subset of events a client asked for; every criterion left out matches everything. */
record StreamFilter(double[] bbox, Set<String> eventTypes, Integer minKilled) implements Predicate<StreamEvent> {

    static final StreamFilter ALL = new StreamFilter(null, Set.of(), null);

    @Override
    public boolean test(StreamEvent e) {
        if (bbox != null && (e.lon() == null || e.lon() < bbox[0] || e.lat() < bbox[1]
                || e.lon() > bbox[2] || e.lat() > bbox[3])) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(e.eventType())) {
            return false;
        }
        return minKilled == null || (e.killed() != null && e.killed() >= minKilled);
    }
}
