package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.incidentmap.gateway.upstream.IncidentServiceConfig;
import org.incidentmap.gateway.upstream.IncidentService;

/**
 * Builds one client's stream: the events after its last seen seq (from the hub's ring or, when
 * older, from incident-service's event log), then the live tail, each seq exactly once and in order.
 */
@ApplicationScoped
class StreamService {

    private final StreamHub hub;
    private final IncidentService incidents;
    private final ObjectMapper mapper;
    private final IncidentServiceConfig config;

    StreamService(StreamHub hub, IncidentService incidents, ObjectMapper mapper, IncidentServiceConfig config) {
        this.hub = hub;
        this.config = config;
        this.incidents = incidents;
        this.mapper = mapper;
    }

    /**
     * Events after {@code since} (or only new ones when null), filtered. When that history no longer
     * exists the stream fails with {@link ResetRequired}. {@code cutOff} closes the client's
     * connection when it stops keeping up.
     */
    Multi<StreamEvent> open(Long since, StreamFilter filter, Runnable cutOff) {
        return Multi.createFrom().deferred(() -> {
            StreamHub.Subscription subscription = hub.subscribe(since == null ? Long.MAX_VALUE : since, filter, cutOff);
            Multi<StreamEvent> all;
            if (since == null) {
                all = subscription.live();
            } else if (subscription.lastSeq() > 0 && since > subscription.lastSeq()) {
                // Ahead of this replica: fine if another replica delivered it, a reset if the log never had it.
                all = Multi.createBy().concatenating().streams(aheadOfHub(since), subscription.live());
            } else if (subscription.coveredByBuffer()) {
                all = Multi.createBy().concatenating().streams(
                        Multi.createFrom().iterable(subscription.buffered()), subscription.live());
            } else {
                long upTo = subscription.oldestBuffered() > 0 ? subscription.oldestBuffered() - 1 : Long.MAX_VALUE;
                all = Multi.createBy().concatenating().streams(replay(since, upTo),
                        Multi.createFrom().iterable(subscription.buffered()), subscription.live());
            }
            AtomicLong lastSent = new AtomicLong(since == null ? 0 : since);
            return all.select().where(e -> {
                if (e.seq() <= lastSent.get()) {
                    return false;
                }
                lastSent.set(e.seq());
                return filter.test(e);
            }).onTermination().invoke(subscription::close);
        });
    }

    private Multi<StreamEvent> aheadOfHub(long since) {
        return Multi.createFrom().uni(incidents.headSeq()).onItem().transformToMultiAndConcatenate(head ->
                since > head ? Multi.createFrom().failure(new ResetRequired(head)) : Multi.createFrom().empty());
    }

    /** The event log from {@code after} up to {@code upTo}, page by page, or a reset when it has been pruned. */
    private Multi<StreamEvent> replay(long after, long upTo) {
        return Multi.createFrom().uni(incidents.eventsAfter(after, pageSize()))
                .onItem().transformToMultiAndConcatenate(page -> {
                    List<StreamEvent> events = page.events().stream().map(n -> StreamEvent.of(n, mapper)).toList();
                    if (events.isEmpty()) {
                        return after > page.headSeq()
                                ? Multi.createFrom().failure(new ResetRequired(page.headSeq()))
                                : Multi.createFrom().empty();
                    }
                    if (events.get(0).seq() > after + 1) {
                        return Multi.createFrom().failure(new ResetRequired(page.headSeq()));
                    }
                    List<StreamEvent> wanted = events.stream().filter(e -> e.seq() <= upTo).toList();
                    long last = events.get(events.size() - 1).seq();
                    Multi<StreamEvent> here = Multi.createFrom().iterable(wanted);
                    if (last >= upTo || last >= page.headSeq() || wanted.size() < events.size()) {
                        return here;
                    }
                    return Multi.createBy().concatenating().streams(here, replay(last, upTo));
                });
    }

    private int pageSize() {
        return config.eventPageSize();
    }

    /** The client asked for history that is gone (or never was): it must reload the layer. */
    static final class ResetRequired extends RuntimeException {

        final long headSeq;

        ResetRequired(long headSeq) {
            super("history no longer available; head is " + headSeq, null, false, false);
            this.headSeq = headSeq;
        }
    }
}
