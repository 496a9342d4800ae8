package org.incidentmap.gateway.stream;

import io.smallrye.mutiny.Uni;
import org.incidentmap.gateway.upstream.EventPage;

/** incident-service's event log, as the stream reads it for clients resuming from further back than the ring. */
interface EventHistory {

    /** Events with seq greater than {@code after}, at most {@code limit}, and the log's head. */
    Uni<EventPage> eventsAfter(long after, int limit);

    /** The newest seq in the log. */
    Uni<Long> headSeq();

    /** Events asked for per page. */
    int pageSize();
}
