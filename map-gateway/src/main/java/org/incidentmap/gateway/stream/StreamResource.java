package org.incidentmap.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.problem.ParameterText;
import org.incidentmap.gateway.problem.Params;

/**
 * {@code GET /stream}: incident events as server-sent events. A Vert.x route rather than a JAX-RS
 * resource, because the fan-out writes each event's one encoded frame straight to the connection;
 * the REST layer would serialise every event again for every subscriber.
 */
@ApplicationScoped
public class StreamResource {

    private final StreamService streams;
    private final StreamConfig config;
    private final ObjectMapper mapper;
    private final Map<EventLoop, Executor> loops = new ConcurrentHashMap<>();

    private static final Set<String> PARAMETERS = Set.of("since", "bbox", "eventType", "minKilled");

    StreamResource(StreamService streams, StreamConfig config, ObjectMapper mapper) {
        this.streams = streams;
        this.config = config;
        this.mapper = mapper;
    }

    void route(@Observes Router router) {
        router.get("/stream").handler(this::stream);
    }

    private void stream(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Long since;
        StreamFilter filter;
        try {
            for (Map.Entry<String, String> parameter : request.params()) {
                if (!PARAMETERS.contains(parameter.getKey())) {
                    throw new BadParameterException(parameter.getKey(), "unknown parameter " + parameter.getKey());
                }
                ParameterText.requireStorable(parameter.getKey(), parameter.getValue());
            }
            since = Params.nonNegative("since", request.getParam("since"));
            if (since == null) {
                since = Params.nonNegative("Last-Event-ID", request.getHeader("Last-Event-ID"));
            }
            filter = filter(request);
        } catch (BadParameterException e) {
            problem(request.response(), e);
            return;
        }
        HttpServerResponse response = request.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                // nginx passes the stream through unbuffered even where its proxy_buffering is on
                .putHeader("X-Accel-Buffering", "no");
        Connection connection = new Connection(request);
        connection.write(SseFrames.connected(config.retry().toMillis()));
        Runnable close = streams.open(since, filter, connection, loop(routing.vertx()));
        Vertx vertx = routing.vertx();
        long heartbeat = vertx.setPeriodic(config.heartbeat().toMillis(), id -> connection.heartbeat());
        Runnable ended = () -> {
            vertx.cancelTimer(heartbeat);
            close.run();
        };
        response.closeHandler(v -> ended.run());
        response.endHandler(v -> ended.run());
        // A client that goes away mid-write is the normal end of a stream, not an error.
        response.exceptionHandler(failure -> ended.run());
    }

    private static StreamFilter filter(HttpServerRequest request) {
        Long killed = Params.nonNegative("minKilled", request.getParam("minKilled"));
        String eventType = request.getParam("eventType");
        Set<String> types = eventType == null ? Set.of()
                : Arrays.stream(eventType.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new StreamFilter(Params.bbox("bbox", request.getParam("bbox")), types,
                killed == null ? null : killed.intValue());
    }

    /** One executor per event loop, so that the hub posts each event to a loop once. */
    private Executor loop(Vertx vertx) {
        ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
        ContextInternal root = context.unwrap();
        return loops.computeIfAbsent(context.nettyEventLoop(), eventLoop -> task -> root.runOnContext(v -> task.run()));
    }

    private void problem(HttpServerResponse response, BadParameterException e) {
        try {
            response.setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(e.problem())));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The Vert.x response under one stream. */
    private static final class Connection implements StreamConnection {

        private final HttpServerRequest request;
        private final HttpServerResponse response;

        Connection(HttpServerRequest request) {
            this.request = request;
            this.response = request.response();
        }

        @Override
        public boolean writable() {
            return !response.writeQueueFull();
        }

        @Override
        public void write(Buffer frame) {
            if (!response.closed() && !response.ended()) {
                response.write(frame);
            }
        }

        @Override
        public void onWritable(Runnable then) {
            response.drainHandler(v -> then.run());
        }

        void heartbeat() {
            if (writable()) {
                write(SseFrames.HEARTBEAT);
            }
        }

        @Override
        public void end() {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        }

        /**
         * Vert.x closes an HTTP/1 connection only after its pending writes are flushed, which a
         * client that stopped reading never lets happen (its own handler at the end of the pipeline
         * defers a channel close the same way), so the close is sent from the pipeline's first
         * handler straight to the socket, with SO_LINGER 0 so that the kernel resets the connection
         * rather than keeping the unsent data.
         */
        @Override
        public void abort() {
            if (request.connection() instanceof ConnectionBase base) {
                Channel channel = base.channel();
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.pipeline().firstContext().close();
            } else {
                response.reset();
            }
        }
    }
}
