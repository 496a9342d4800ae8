package org.incidentmap.gateway.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.gateway.problem.Params;

/** {@code GET /stream}: incident events as server-sent events. */
@Path("/stream")
public class StreamResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StreamResource.class);

    private final StreamService streams;
    private final StreamConfig config;

    StreamResource(StreamService streams, StreamConfig config) {
        this.streams = streams;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live incident events: id = seq, event = kind, data = the incident Feature; resume with Last-Event-ID or since")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @Context HttpServerRequest request,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("since") String since,
            @QueryParam("bbox") String bbox,
            @QueryParam("eventType") String eventType,
            @QueryParam("minKilled") String minKilled) {
        Long resumeFrom = Params.nonNegative("since", since);
        if (resumeFrom == null) {
            resumeFrom = Params.nonNegative("Last-Event-ID", lastEventId);
        }
        Long killed = Params.nonNegative("minKilled", minKilled);
        Set<String> types = eventType == null ? Set.of()
                : Arrays.stream(eventType.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        StreamFilter filter = new StreamFilter(Params.bbox("bbox", bbox), types, killed == null ? null : killed.intValue());

        AtomicBoolean ended = new AtomicBoolean();
        Multi<OutboundSseEvent> events = streams.open(resumeFrom, filter, () -> abort(request))
                .map(e -> sse.newEventBuilder().id(Long.toString(e.seq())).name(e.kind())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(e.feature()).build())
                .onFailure(StreamService.ResetRequired.class).recoverWithItem(failure -> sse.newEventBuilder()
                        .name("reset").mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data("{\"headSeq\":" + ((StreamService.ResetRequired) failure).headSeq + "}").build())
                .onFailure(failure -> !(failure instanceof io.smallrye.mutiny.subscription.BackPressureFailure))
                .invoke(failure -> LOG.warnf(failure, "Stream ended abnormally"))
                .onTermination().invoke(() -> ended.set(true));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .select().first(tick -> !ended.get())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        OutboundSseEvent hello = sse.newEventBuilder().comment("connected")
                .reconnectDelay(config.retry().toMillis()).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello),
                Multi.createBy().merging().streams(events, heartbeats));
    }

    /**
     * Drops a subscriber's connection at once. Vert.x closes an HTTP/1 connection only after its
     * pending writes are flushed, which a client that stopped reading never lets happen (its own
     * handler at the end of the pipeline defers a channel close the same way), so the close is
     * sent from the pipeline's first handler straight to the socket, with SO_LINGER 0 so that the
     * kernel resets the connection rather than keeping the unsent data.
     */
    private static void abort(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase connection) {
            Channel channel = connection.channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.pipeline().firstContext().close();
        } else {
            request.response().reset();
        }
    }
}
