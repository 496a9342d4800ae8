package org.incidentmap.gateway.support;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the real {@code incident-events} topic, keyed by incident id as the relay does. */
public final class TopicPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicPublisher(String bootstrap) {
        producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "linger.ms", 0,
                "max.request.size", 4_000_000), new StringSerializer(), new StringSerializer());
    }

    public void publish(EventLog.Event event) {
        try {
            producer.send(new ProducerRecord<>("incident-events", event.id(), event.json())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish seq " + event.seq(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
