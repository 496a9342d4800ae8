package org.incidentmap.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The gateway's way to geocoding-service: name completion for the map page's place search. */
@ApplicationScoped
public class GeocodingService {

    private static final String SERVICE = "geocoding-service";

    private final GeocodingServiceConfig config;
    private final ObjectMapper mapper;
    private final WebClient client;
    private final String basePath;

    GeocodingService(GeocodingServiceConfig config, ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.mapper = mapper;
        URI base = URI.create(config.url());
        this.basePath = base.getPath();
        boolean https = "https".equals(base.getScheme());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis()));
    }

    /**
     * The places whose names start with {@code prefix}, most important first, as geocoding-service's
     * {@code GET /autocomplete} ranks them. Its 400 (a prefix it cannot search) goes back to the
     * client as it is; no answer in time, or a 5xx, is the geocoder being away (503, to retry).
     */
    public Uni<List<GeocodedPlace>> complete(String prefix) {
        Uni<List<GeocodedPlace>> call = client.get(basePath + "/autocomplete")
                .addQueryParam("q", prefix)
                .putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis())
                .send()
                .map(this::places);
        return IncidentService.unreachableAsUnavailable(call, SERVICE, config.retryAfter());
    }

    private List<GeocodedPlace> places(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 400) {
            throw new UpstreamStatusException(status, response.getHeader("Content-Type"), response.bodyAsString(), null);
        }
        if (status >= 500) {
            throw new UpstreamUnavailableException(SERVICE, config.retryAfter(), "GET /autocomplete answered " + status);
        }
        if (status != 200) {
            throw new UpstreamException("geocoding-service's GET /autocomplete answered " + status);
        }
        Buffer body = response.bodyAsBuffer();
        JsonNode root;
        try {
            root = body == null ? null : mapper.readTree(body.getBytes());
        } catch (IOException e) {
            root = null;
        }
        if (root == null) {
            throw new UpstreamException("geocoding-service's GET /autocomplete answered no JSON");
        }
        List<GeocodedPlace> places = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode p = feature.path("properties");
            JsonNode xy = feature.path("geometry").path("coordinates");
            if (!xy.path(0).isNumber() || !xy.path(1).isNumber() || !p.path("name").isTextual()) {
                throw new UpstreamException("geocoding-service's GET /autocomplete answered a feature without name or point");
            }
            places.add(new GeocodedPlace(p.path("geonameid").asLong(), p.path("name").asText(), text(p, "admin1"),
                    text(p, "country"), text(p, "precision"), xy.path(1).asDouble(), xy.path(0).asDouble()));
        }
        return places;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
