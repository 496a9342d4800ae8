package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.incidentmap.gateway.tiles.TileInvalidation;
import org.incidentmap.gateway.upstream.EventPage;
import org.incidentmap.gateway.upstream.IncidentService;
import org.jboss.logging.Logger;

/**
 * Kafka in, ordered events out. Every replica consumes the whole topic in its own consumer group
 * from the latest offset; what it missed before joining, and any gap the partitions leave open for
 * longer than the reorder wait, is read from incident-service's event log.
 */
@ApplicationScoped
class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);

    private final StreamHub hub;
    private final TileInvalidation tiles;
    private final IncidentService incidents;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final StreamConfig config;
    private final SeqReorderer reorderer = new SeqReorderer();
    private boolean gapTimerArmed;
    private boolean filling;

    EventPipeline(StreamHub hub, TileInvalidation tiles, IncidentService incidents, ObjectMapper mapper, Vertx vertx,
            StreamConfig config) {
        this.hub = hub;
        this.tiles = tiles;
        this.incidents = incidents;
        this.mapper = mapper;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        incidents.headSeq().subscribe().with(
                head -> {
                    synchronized (this) {
                        reorderer.baseline(head);
                        LOG.infof("Live stream starts after seq %d", head);
                        deliver(reorderer.startFromLowestHeld());
                        scheduleGapCheck();
                    }
                },
                failure -> LOG.warnf("incident-service unreachable at start (%s); starting from the first event seen",
                        failure.getMessage()));
    }

    @Incoming("incident-events")
    void consume(String value) {
        ObjectNode node;
        try {
            JsonNode parsed = mapper.readTree(value);
            node = parsed instanceof ObjectNode object ? object : null;
        } catch (java.io.IOException e) {
            node = null;
        }
        if (node == null) {
            LOG.warnf("Skipped a record that is not a JSON object: %.120s", value);
            return;
        }
        accept(List.of(node));
    }

    private synchronized void accept(List<ObjectNode> events) {
        for (ObjectNode node : events) {
            StreamEvent event;
            try {
                event = StreamEvent.of(node, mapper);
            } catch (IllegalArgumentException e) {
                LOG.warnf("Skipped an event without a usable seq: %s", e.getMessage());
                continue;
            }
            deliver(reorderer.offer(event));
        }
        scheduleGapCheck();
    }

    private void deliver(List<StreamEvent> ready) {
        for (StreamEvent event : ready) {
            // before the stream: a client told of an event never then reads a tile without it
            tiles.onEvent(event.seq(), event.places());
            hub.publish(event);
        }
    }

    private void scheduleGapCheck() {
        if (reorderer.hasGap() && !gapTimerArmed && !filling) {
            gapTimerArmed = true;
            vertx.setTimer(Math.max(1, config.reorderWait().toMillis()), id -> onGapTimer());
        }
    }

    private synchronized void onGapTimer() {
        gapTimerArmed = false;
        if (!reorderer.hasBaseline()) {
            deliver(reorderer.startFromLowestHeld());
        }
        if (!reorderer.hasGap()) {
            return;
        }
        long after = reorderer.lastDelivered();
        int missing = Math.max(1, reorderer.gapSize());
        filling = true;
        incidents.eventsAfter(after, missing).subscribe().with(this::onFilled, failure -> {
            LOG.warnf("Could not fill the gap after seq %d from incident-service: %s", after, failure.getMessage());
            onFilled(new EventPage(List.of(), 0));
        });
    }

    private synchronized void onFilled(EventPage page) {
        filling = false;
        accept(page.events());
    }
}
