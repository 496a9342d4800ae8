package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderedOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void everyRenderedDocumentMatchesTheObjectModelWithoutUnknownFields(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);

        assertThat(result.violations()).isEmpty();
        assertThat(result.manifests()).extracting(StrictManifests.Manifest::kind)
                .contains("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                        "NetworkPolicy", "Ingress", "Cluster", "Kafka", "KafkaNodePool", "KafkaTopic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentProbesTheQuarkusHealthEndpoints(String overlay) {
        for (Deployment deployment : Overlays.read(overlay).all(Deployment.class)) {
            assertThat(Workloads.probeViolations(deployment)).isEmpty();
        }
    }
}
