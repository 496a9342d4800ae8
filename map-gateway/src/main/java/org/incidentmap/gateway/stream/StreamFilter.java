package org.incidentmap.gateway.stream;

import java.util.Set;
import java.util.function.Predicate;
import org.incidentmap.gateway.problem.Params;

/** The subset of events a client asked for; every criterion left out matches everything. */
record StreamFilter(double[] bbox, Set<String> eventTypes, Integer minKilled) implements Predicate<StreamEvent> {

    static final StreamFilter ALL = new StreamFilter(null, Set.of(), null);

    @Override
    public boolean test(StreamEvent e) {
        if (bbox != null && (e.lon() == null || !Params.contains(bbox, e.lon(), e.lat()))) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(e.eventType())) {
            return false;
        }
        return minKilled == null || (e.killed() != null && e.killed() >= minKilled);
    }
}
