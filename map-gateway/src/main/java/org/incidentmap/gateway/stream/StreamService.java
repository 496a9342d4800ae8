package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Builds one client's stream: the events after its last seen seq (from the hub's ring or, when
 * older, from incident-service's event log), then the live tail, each seq exactly once and in order.
 */
@ApplicationScoped
class StreamService {

    private final StreamHub hub;
    private final EventHistory log;
    private final ObjectMapper mapper;
    private final StreamConfig config;

    StreamService(StreamHub hub, EventHistory log, ObjectMapper mapper, StreamConfig config) {
        this.hub = hub;
        this.log = log;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Streams the events after {@code since} (or only new ones when null) that match {@code filter}
     * to {@code connection}, whose event loop runs {@code loop}; called on that loop. When that
     * history no longer exists the client gets a {@code reset} event. Returns what to run when the
     * connection closes.
     *
     * @param loop runs tasks on the connection's event loop: the same executor for every connection of a loop
     */
    Runnable open(Long since, StreamFilter filter, StreamConnection connection, Executor loop) {
        StreamSubscriber subscriber = new StreamSubscriber(since == null ? 0 : since, filter, config.queueSize(),
                connection, hub, loop);
        StreamHub.Subscription subscription = hub.subscribe(since == null ? Long.MAX_VALUE : since, subscriber);
        history(since, subscription).emitOn(loop).subscribe().withSubscriber(subscriber);
        return subscriber::close;
    }

    private Multi<StreamEvent> history(Long since, StreamHub.Subscription subscription) {
        if (since == null) {
            return Multi.createFrom().empty();
        }
        if (subscription.lastSeq() > 0 && since > subscription.lastSeq()) {
            // Ahead of this replica: fine if another replica delivered it, a reset if the log never had it.
            return aheadOfHub(since);
        }
        Multi<StreamEvent> buffered = Multi.createFrom().iterable(subscription.buffered());
        if (subscription.coveredByBuffer()) {
            return buffered;
        }
        long upTo = subscription.oldestBuffered() > 0 ? subscription.oldestBuffered() - 1 : Long.MAX_VALUE;
        return Multi.createBy().concatenating().streams(replay(since, upTo), buffered);
    }

    private Multi<StreamEvent> aheadOfHub(long since) {
        return Multi.createFrom().uni(log.headSeq()).onItem().transformToMultiAndConcatenate(head ->
                since > head ? Multi.createFrom().failure(new ResetRequired(head)) : Multi.createFrom().empty());
    }

    /** The event log from {@code after} up to {@code upTo}, page by page, or a reset when it has been pruned. */
    private Multi<StreamEvent> replay(long after, long upTo) {
        return Multi.createFrom().uni(log.eventsAfter(after, log.pageSize()))
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

    /** The client asked for history that is gone (or never was): it must reload the layer. */
    static final class ResetRequired extends RuntimeException {

        final long headSeq;

        ResetRequired(long headSeq) {
            super("history no longer available; head is " + headSeq, null, false, false);
            this.headSeq = headSeq;
        }
    }
}
