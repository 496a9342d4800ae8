package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself: a manifest the API server or an operator would reject fails it. */
class StrictManifestsTest {

    @Test
    void aMisspeltDeploymentFieldIsRejectedWithItsPath() {
        String rendered = Overlays.rendered("dev").replaceFirst("readinessProbe:", "readinesProbe:");

        assertThat(StrictManifests.read(rendered).violations()).singleElement().asString()
                .startsWith("Deployment/")
                .contains("at spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: map-gateway
                spec:
                  ports:
                    - port: [8080]
                """;

        assertThat(StrictManifests.read(yaml).violations()).singleElement().asString()
                .startsWith("Service/map-gateway: at spec.ports[0].port");
    }

    @Test
    void anUnknownFieldOfAStrimziResourceIsRejected() {
        String yaml = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: incident-events
                spec:
                  partition: 3
                """;

        assertThat(StrictManifests.read(yaml).violations()).singleElement().asString()
                .isEqualTo("KafkaTopic/incident-events: at spec.partition: Unrecognized field \"partition\""
                        + " (class io.strimzi.api.kafka.model.topic.KafkaTopicSpec), not marked as ignorable");
    }

    @Test
    void anUnknownFieldOfTheCloudNativePgClusterIsRejected() {
        String rendered = Overlays.rendered("dev").replace("postInitApplicationSQL:", "postInitApplicationSql:");

        assertThat(StrictManifests.read(rendered).violations()).singleElement().asString()
                .startsWith("Cluster/incident-map-db: at spec.bootstrap.initdb.postInitApplicationSql");
    }

    @Test
    void aKindWithoutAModelIsReportedRatherThanSkipped() {
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: cleanup
                """;

        assertThat(StrictManifests.read(yaml).violations())
                .containsExactly("CronJob/cleanup: no model for apiVersion batch/v1");
    }
}
