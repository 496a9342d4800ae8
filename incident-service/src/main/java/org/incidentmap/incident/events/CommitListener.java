package org.incidentmap.incident.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes the relay when events commit: a trigger on the event log notifies channel
 * {@code incident_events} (see V111__event_notify.sql), so an event reaches Kafka within
 * milliseconds of its commit instead of waiting for the relay's next timed round.
 *
 * <p>A notification only says "look now"; the relay still reads from its stored offset, so a
 * notification lost while the listening connection was down costs latency until the next timed
 * round, never an event. After every (re)connection the relay is woken once to catch up.
 */
@ApplicationScoped
class CommitListener {

    private static final Logger LOG = Logger.getLogger(CommitListener.class);
    static final String CHANNEL = "incident_events";

    private final Relay relay;
    private final RelayConfig config;
    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    CommitListener(Relay relay, RelayConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password);
    }

    void listen(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(CHANNEL).subscribeHandler(relay::wake).handler(payload -> relay.wake());
        subscriber.connect().subscribe().with(ignored -> { },
                e -> LOG.warnf("not listening for commits, the relay publishes on its timer only: %s", e.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
