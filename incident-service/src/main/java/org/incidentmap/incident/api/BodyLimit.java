package org.incidentmap.incident.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.InputConfig;
import org.incidentmap.incident.domain.InvalidInputException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Reads the bodies the endpoints buffer (every JSON command) within
 * {@code incident.input.max-json-body-bytes} as they arrive: a declared Content-Length over the
 * limit is refused before a byte is read, a chunked body as soon as it passes the limit. Endpoints
 * that take their body as an InputStream (imports) stream it themselves and are left alone, which
 * is why the server-wide {@code quarkus.http.limits.max-body-size} is unset.
 *
 * <p>A refused request gets 413 problem+json with {@code Connection: close}. What the client still
 * sends is read and dropped, up to {@code incident.input.max-discarded-bytes}, before the connection
 * closes: closing on unread data makes TCP reset the connection, and most clients then report the
 * reset instead of the 413.
 */
class BodyLimit {

    private static final Set<String> METHODS_WITH_BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long maxBytes;
    private final long maxDiscardedBytes;

    BodyLimit(InputConfig config) {
        this.maxBytes = config.maxJsonBodyBytes();
        this.maxDiscardedBytes = config.maxDiscardedBytes();
    }

    @ServerRequestFilter(nonBlocking = true)
    Uni<Void> readWithinLimit(ContainerRequestContext context, RoutingContext routing, SimpleResourceInfo resource) {
        HttpServerRequest request = routing.request();
        if (!METHODS_WITH_BODIES.contains(request.method().name()) || streamsItsBody(resource)) {
            return Uni.createFrom().voidItem();
        }
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            refuse(routing, false);
            return Uni.createFrom().failure(tooLarge("declares " + declared + " bytes (Content-Length)"));
        }
        if (request.isEnded()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<InputStream>emitter(emitter -> new Reading(routing, emitter).start())
                .invoke(context::setEntityStream)
                .replaceWithVoid();
    }

    private static boolean streamsItsBody(SimpleResourceInfo resource) {
        return Arrays.asList(resource.parameterTypes()).contains(InputStream.class);
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("Content-Length", "must be a number of bytes");
        }
    }

    private InvalidInputException tooLarge(String what) {
        return new InvalidInputException(413, "Request body too large", List.of(new FieldError("body",
                "the body " + what + "; at most " + maxBytes + " bytes are accepted")));
    }

    /**
     * Marks the response as the connection's last and drops what the client still sends, closing
     * the connection once both are done or the client sent too much more. A client that waits for
     * 100 Continue sends nothing more, so its connection closes with the response.
     */
    private void refuse(RoutingContext routing, boolean bodyStarted) {
        HttpServerRequest request = routing.request();
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        boolean bodyComing = bodyStarted || !expectsContinue(request);
        request.handler(new Discarding(request));
        request.endHandler(v -> {
            if (request.response().ended()) {
                request.connection().close();
            }
        });
        routing.addEndHandler(v -> {
            if (!bodyComing || request.isEnded()) {
                request.connection().close();
            }
        });
        if (bodyComing) {
            request.resume();
        }
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        return HttpHeaders.CONTINUE.toString().equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    }

    /** Drops the rest of a refused body, closing the connection once too much of it came. */
    private final class Discarding implements Handler<Buffer> {

        private final HttpServerRequest request;
        private long dropped;

        Discarding(HttpServerRequest request) {
            this.request = request;
        }

        @Override
        public void handle(Buffer chunk) {
            dropped += chunk.length();
            if (dropped > maxDiscardedBytes) {
                request.connection().close();
            }
        }
    }

    /** One body read into memory, chunk by chunk, and cut off at the limit. */
    private final class Reading implements Handler<Buffer> {

        private final RoutingContext routing;
        private final HttpServerRequest request;
        private final UniEmitter<? super InputStream> emitter;
        private final Buffer body = Buffer.buffer();

        Reading(RoutingContext routing, UniEmitter<? super InputStream> emitter) {
            this.routing = routing;
            this.request = routing.request();
            this.emitter = emitter;
        }

        void start() {
            request.handler(this);
            request.endHandler(v -> emitter.complete(new ByteArrayInputStream(body.getBytes())));
            request.exceptionHandler(e -> emitter.fail(InvalidInputException.of("body",
                    "the connection failed before the body was complete: " + e.getMessage())));
            if (expectsContinue(request)) {
                request.response().writeContinue();
            }
            request.resume();
        }

        @Override
        public void handle(Buffer chunk) {
            long seen = body.length() + (long) chunk.length();
            if (seen > maxBytes) {
                refuse(routing, true);
                emitter.fail(tooLarge("passed " + seen + " bytes while arriving"));
            } else {
                body.appendBuffer(chunk);
            }
        }
    }
}
