package org.incidentmap.incident.sources;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Conditional GET of a feed on the Vert.x HTTP client (non-blocking), bounded in time and size:
 * the whole exchange must finish within the fetch timeout and the body stay within the byte limit,
 * or the connection is reset. Redirects are not followed, since their target would escape the URL guard.
 */
@ApplicationScoped
class FeedFetcher {

    /** What a fetch brought: a body (200) or nothing new (304), with the validators to send next time. */
    record Fetched(boolean notModified, byte[] body, String etag, String lastModified) {
    }

    /** A fetch that failed: an HTTP status, a timeout, a body too large, a refused or broken connection. */
    static final class FetchFailure extends RuntimeException {
        FetchFailure(String message) {
            super(message);
        }
    }

    private final Vertx vertx;
    private final SourcesConfig config;
    private final HttpClient client;

    FeedFetcher(Vertx vertx, SourcesConfig config) {
        this.vertx = vertx;
        this.config = config;
        int timeoutMs = (int) config.fetchTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeoutMs)
                .setMaxPoolSize(Math.max(1, config.concurrentFetches()))
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setTryUseCompression(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Fetched> fetch(UrlGuard.Target target, String etag, String lastModified) {
        return Uni.createFrom().emitter(emitter -> {
            Promise<Fetched> done = Promise.promise();
            AtomicReference<HttpClientRequest> current = new AtomicReference<>();
            long timeoutMs = config.fetchTimeout().toMillis();
            long timer = vertx.setTimer(timeoutMs, t -> {
                if (done.tryFail(new FetchFailure("no complete answer within " + config.fetchTimeout().toSeconds() + " s"))) {
                    HttpClientRequest r = current.get();
                    if (r != null) {
                        r.reset();
                    }
                }
            });
            done.future().onComplete(r -> {
                vertx.cancelTimer(timer);
                if (r.succeeded()) {
                    emitter.complete(r.result());
                } else {
                    emitter.fail(r.cause() instanceof FetchFailure ? r.cause()
                            : new FetchFailure(r.cause().getClass().getSimpleName() + ": " + r.cause().getMessage()));
                }
            });
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.ssl())
                    .setURI(pathAndQuery(target))
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setFollowRedirects(false)
                    .setIdleTimeout(timeoutMs)
                    .putHeader(HttpHeaders.ACCEPT, "application/atom+xml, application/rss+xml, application/feed+json, "
                            + "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                    .putHeader(HttpHeaders.USER_AGENT, "incident-map-sources/1");
            if (etag != null) {
                options.putHeader(HttpHeaders.IF_NONE_MATCH, etag);
            }
            if (lastModified != null) {
                options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
            }
            client.request(options).onFailure(done::tryFail).onSuccess(request -> {
                current.set(request);
                request.send().onFailure(done::tryFail).onSuccess(response -> {
                    // set first: the resets below end the stream with an exception that is then expected
                    response.exceptionHandler(done::tryFail);
                    int status = response.statusCode();
                    String newEtag = response.getHeader(HttpHeaders.ETAG);
                    String newLastModified = response.getHeader(HttpHeaders.LAST_MODIFIED);
                    if (status == 304) {
                        done.tryComplete(new Fetched(true, null, etag, lastModified));
                        return;
                    }
                    if (status != 200) {
                        String where = status / 100 == 3 && response.getHeader(HttpHeaders.LOCATION) != null
                                ? " to " + response.getHeader(HttpHeaders.LOCATION) + "; register the feed at its new address" : "";
                        done.tryFail(new FetchFailure("HTTP " + status + where));
                        request.reset();
                        return;
                    }
                    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxFeedBytes()) {
                        done.tryFail(tooLarge());
                        request.reset();
                        return;
                    }
                    Buffer body = Buffer.buffer();
                    response.handler(chunk -> {
                        if (body.length() + chunk.length() > config.maxFeedBytes()) {
                            if (done.tryFail(tooLarge())) {
                                request.reset();
                            }
                        } else {
                            body.appendBuffer(chunk);
                        }
                    });
                    response.endHandler(v -> done.tryComplete(new Fetched(false, body.getBytes(), newEtag, newLastModified)));
                });
            });
        });
    }

    private FetchFailure tooLarge() {
        return new FetchFailure("feed larger than " + config.maxFeedBytes() + " bytes");
    }

    private static String pathAndQuery(UrlGuard.Target target) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        return target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
    }
}
