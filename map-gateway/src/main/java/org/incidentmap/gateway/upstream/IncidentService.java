package org.incidentmap.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gateway's only way to incident-service: the event log as parsed pages, everything else as a
 * raw streamed response so that large collections pass through without being held in memory.
 */
@ApplicationScoped
public class IncidentService {

    private static final String SERVICE = "incident-service";

    private final IncidentServiceConfig config;
    private final ObjectMapper mapper;
    private final WebClient client;
    private final WebClient commands;
    private final HttpClient streamingClient;
    private final URI base;

    IncidentService(IncidentServiceConfig config, ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.mapper = mapper;
        this.base = URI.create(config.url());
        var options = new WebClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(port(base))
                .setSsl("https".equals(base.getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis());
        this.client = WebClient.create(vertx, options);
        // A refused write (401, 413) may be answered before its body is read; a kept-alive
        // connection would then start the next request inside that unread body and hang it.
        this.commands = WebClient.create(vertx, new WebClientOptions(options).setKeepAlive(false));
        this.streamingClient = vertx.createHttpClient(options);
    }

    /** The base URL the gateway reaches incident-service at, as configured. */
    public String baseUrl() {
        return config.url();
    }

    /**
     * POSTs {@code body} (JSON; none when empty) to {@code path} with the given headers (null values
     * left out) and hands back incident-service's answer whatever its status.
     */
    public Uni<HttpResponse<Buffer>> post(String path, Map<String, String> headers, byte[] body) {
        var request = commands.post(base.getPath() + path)
                .putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis());
        headers.forEach((name, value) -> {
            if (value != null) {
                request.putHeader(name, value);
            }
        });
        return body == null || body.length == 0 ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
    }

    /**
     * GETs {@code path} with {@code query} and the given headers (null values left out) and hands
     * back incident-service's answer whatever its status, as {@link #post} does for commands.
     */
    public Uni<HttpResponse<Buffer>> get(String path, MultiMap query, Map<String, String> headers) {
        var request = commands.get(base.getPath() + path)
                .putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis());
        query.forEach(request::addQueryParam);
        headers.forEach((name, value) -> {
            if (value != null) {
                request.putHeader(name, value);
            }
        });
        return request.send();
    }

    /** Events with seq greater than {@code after}, at most {@code limit} of them. */
    public Uni<EventPage> eventsAfter(long after, int limit) {
        return unreachableAsUnavailable(client.get(base.getPath() + "/events")
                .addQueryParam("after", Long.toString(after))
                .addQueryParam("limit", Integer.toString(limit))
                .putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() == 503) {
                        throw new UpstreamUnavailableException(SERVICE, config.retryAfter(), "GET /events answered 503");
                    }
                    if (response.statusCode() != 200) {
                        throw new UpstreamException("GET /events answered " + response.statusCode());
                    }
                    return parsePage(response.bodyAsBuffer());
                }));
    }

    /** {@code GET /stats} with the given query, parsed; a non-200 answer fails with its status and problem. */
    public Uni<JsonNode> stats(MultiMap query) {
        return json("/stats", query, "application/json");
    }

    /** {@code GET /incidents/{id}}, the incident's GeoJSON Feature parsed; a non-200 answer (404 too) fails with its status and problem. */
    public Uni<ObjectNode> incident(String id, String crs) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap();
        if (crs != null) {
            query.add("crs", crs);
        }
        return json("/incidents/" + id, query, "application/geo+json").map(ObjectNode.class::cast);
    }

    /** {@code GET /incidents/queryables}: the JSON Schema of the properties a filter may name. */
    public Uni<ObjectNode> queryables() {
        return json("/incidents/queryables", MultiMap.caseInsensitiveMultiMap(), "application/schema+json")
                .map(ObjectNode.class::cast);
    }

    private Uni<JsonNode> json(String path, MultiMap query, String accept) {
        return get(path, query, accept, response -> {
            try {
                return mapper.readTree(response.bodyAsBuffer().getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A GET whose 200 answer {@code ok} reads; any other fails with its status and problem. */
    private <T> Uni<T> get(String path, MultiMap query, String accept, Function<HttpResponse<Buffer>, T> ok) {
        var request = client.get(base.getPath() + path).putHeader("Accept", accept)
                .timeout(config.timeout().toMillis());
        query.forEach(request::addQueryParam);
        return unreachableAsUnavailable(request.send().map(response -> {
            if (response.statusCode() != 200) {
                throw new UpstreamStatusException(response.statusCode(), response.getHeader("Content-Type"),
                        response.bodyAsString(), response.getHeader("Retry-After"));
            }
            return ok.apply(response);
        }));
    }

    /**
     * {@code GET /tiles/{layer}/{z}/{x}/{y}} with the given filters: the tile and its
     * {@code Incident-Seq}; a non-200 answer fails with its status and problem.
     */
    public Uni<IncidentTile> tile(String layer, int z, int x, int y, MultiMap filters) {
        return get("/tiles/" + layer + "/" + z + "/" + x + "/" + y, filters, "application/vnd.mapbox-vector-tile",
                response -> {
                    String seq = response.getHeader("Incident-Seq");
                    if (seq == null) {
                        throw new UpstreamException("GET /tiles answered without Incident-Seq");
                    }
                    Buffer body = response.bodyAsBuffer();
                    return new IncidentTile(body == null ? new byte[0] : body.getBytes(), Long.parseLong(seq));
                });
    }

    /** {@code GET /stats/totals} with the given filters, as incident-service wrote it; a non-200 answer fails with its status and problem. */
    public Uni<String> totals(MultiMap filters) {
        return get("/stats/totals", filters, "application/json", HttpResponse::bodyAsString);
    }

    /**
     * A connection that fails or times out is incident-service being unavailable (503, to retry),
     * not a fault of the gateway.
     */
    public <T> Uni<T> unreachableAsUnavailable(Uni<T> call) {
        return unreachableAsUnavailable(call, SERVICE, config.retryAfter());
    }

    /** The rule above for any service behind the gateway. */
    static <T> Uni<T> unreachableAsUnavailable(Uni<T> call, String service, Duration retryAfter) {
        return call.onFailure(e -> !(e instanceof UpstreamStatusException) && !(e instanceof UpstreamException)
                        && !(e instanceof UpstreamUnavailableException))
                .transform(e -> new UpstreamUnavailableException(service, retryAfter, service + " did not answer: " + e.getMessage()));
    }

    /** The newest seq in the event log. */
    public Uni<Long> headSeq() {
        return eventsAfter(0, 1).map(EventPage::headSeq);
    }

    /**
     * Opens a GET to incident-service and hands back the response before its body is read, so
     * the caller can pipe the body chunk by chunk.
     */
    public Uni<HttpClientResponse> open(String path, MultiMap query, String accept) {
        StringBuilder uri = new StringBuilder(base.getPath()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entries()) {
            uri.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        var options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(port(base))
                .setURI(uri.toString())
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Accept", accept);
        return unreachableAsUnavailable(streamingClient.request(options).flatMap(request -> request.send()));
    }

    private EventPage parsePage(Buffer body) {
        try {
            JsonNode root = mapper.readTree(body.getBytes());
            List<ObjectNode> events = new ArrayList<>();
            root.path("events").forEach(node -> events.add((ObjectNode) node));
            return new EventPage(events, root.path("headSeq").asLong(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    @PreDestroy
    void close() {
        client.close();
        streamingClient.closeAndAwait();
    }
}
