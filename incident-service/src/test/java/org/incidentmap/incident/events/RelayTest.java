package org.incidentmap.incident.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay delivers the event log to the real Kafka topic, resumes after a stop and publishes from one replica only. */
@QuarkusTest
class RelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Relay relay;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaConsumer<String, String> consumer;
    /** Every record read from the topic, by seq (a seq delivered twice keeps its first record). */
    private final Map<Long, ConsumerRecord<String, String>> bySeq = new TreeMap<>();
    /** Seqs per key in the order they first arrived. */
    private final Map<String, List<Long>> seqsByKey = new HashMap<>();

    @BeforeEach
    void readTopicFromTheStart() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("incident-events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        relay.start();
    }

    @AfterEach
    void close() {
        relay.start();
        consumer.close();
    }

    @Test
    void everyEventReachesTheTopicKeyedByIncidentIdInSeqOrderPerIncident() throws Exception {
        String id = Incidents.createKyiv();
        Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
        long head = Incidents.headSeq();

        awaitAllDelivered(head);

        assertThat(bySeq.keySet()).containsAll(LongStream.rangeClosed(1, head).boxed().toList());
        for (ConsumerRecord<String, String> record : bySeq.values()) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(event.get("id").asText());
            assertThat(event.get("type").asText()).isEqualTo("Feature");
            assertThat(event.get("kind").asText()).startsWith("incident.");
        }
        seqsByKey.values().forEach(seqs -> assertThat(seqs).isSorted());
        assertThat(JSON.readTree(bySeq.values().stream().filter(r -> r.key().equals(id)).findFirst().orElseThrow().value())
                .at("/properties/placeName").asText()).isEqualTo("Kyiv");
    }

    @Test
    void aRelayStoppedMidPublicationDeliversEveryEventAfterRestart() {
        relay.stop().await().atMost(Duration.ofSeconds(5));
        for (int i = 0; i < 100; i++) {
            Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
        }
        long stoppedAt = publishedSeq();
        assertThat(stoppedAt).isLessThan(Incidents.headSeq());

        relay.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedSeq() > stoppedAt);
        relay.stop().await().atMost(Duration.ofSeconds(5));
        long interruptedAt = publishedSeq();
        for (int i = 0; i < 20; i++) {
            Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
        }
        long head = Incidents.headSeq();
        assertThat(interruptedAt).isLessThan(head);

        relay.start();
        awaitAllDelivered(head);
        assertThat(bySeq.keySet()).containsAll(LongStream.rangeClosed(1, head).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedSeq() >= head);
    }

    @Test
    void aReplicaStandsByWhileAnotherHoldsTheLeaseAndTakesOverWhenItLapses() {
        relay.stop().await().atMost(Duration.ofSeconds(5));
        pool.query("UPDATE incident.relay_offset SET holder = 'relay-of-another-replica', lease_until = now() + interval '1 hour'")
                .execute().await().atMost(Duration.ofSeconds(5));
        relay.start();
        Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
        long head = Incidents.headSeq();
        long before = publishedSeq();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> publishedSeq() == before);
        assertThat(before).isLessThan(head);

        pool.query("UPDATE incident.relay_offset SET lease_until = now() - interval '1 second'")
                .execute().await().atMost(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedSeq() >= head);
        awaitAllDelivered(head);
        assertThat(holder()).startsWith("relay-").isNotEqualTo("relay-of-another-replica");
    }

    private void awaitAllDelivered(long head) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                long seq = JSON.readTree(record.value()).get("seq").asLong();
                // a redelivered batch repeats seqs already seen; order is judged on first deliveries
                if (bySeq.putIfAbsent(seq, record) == null) {
                    seqsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(seq);
                }
            }
            return bySeq.keySet().containsAll(LongStream.rangeClosed(1, head).boxed().toList());
        });
    }

    private long publishedSeq() {
        return pool.query("SELECT published_seq FROM incident.relay_offset").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private String holder() {
        return pool.query("SELECT holder FROM incident.relay_offset").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }
}
