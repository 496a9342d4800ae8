package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayInvariantsTest {

    private static final List<String> SERVICES = List.of("incident-service", "geocoding-service", "map-gateway");
    private static final List<String> AUTOSCALED = List.of("incident-service", "map-gateway");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsDeployedWithAServiceConfigMapAndDisruptionBudget(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);

        assertThat(result.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            Deployment deployment = result.one(Deployment.class, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(result.one(Service.class, name).getSpec().getSelector());
            assertThat(NetworkReachability.matches(result.one(PodDisruptionBudget.class, name).getSpec().getSelector(),
                    podLabels)).as("PodDisruptionBudget of %s selects its pods", name).isTrue();
            assertThat(Workloads.podSpec(deployment).getContainers().get(0).getEnvFrom())
                    .anySatisfy(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(name));
            assertThat(result.one(ConfigMap.class, name).getData()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRequestsAndLimitsCpuAndMemory(String overlay) {
        for (Deployment deployment : Overlays.read(overlay).all(Deployment.class)) {
            assertThat(Workloads.resourceViolations(deployment)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsAsNonRootOnAReadOnlyFilesystemWithoutCapabilities(String overlay) {
        for (Deployment deployment : Overlays.read(overlay).all(Deployment.class)) {
            assertThat(Workloads.securityViolations(deployment)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheCallsTheDesignMakes(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);
        NetworkReachability reachability = Topology.reachability(result);
        List<NetworkReachability.Endpoint> services = Topology.services(result);
        List<NetworkReachability.Endpoint> callers = new ArrayList<>(services);
        callers.add(Topology.INGRESS_CONTROLLER);
        List<NetworkReachability.Endpoint> callees = new ArrayList<>(services);
        callees.addAll(Topology.dataServices(result));

        assertThat(result.all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isEmpty();
            assertThat(policy.getSpec().getEgress()).isEmpty();
        });
        assertThat(reachability.allowedCalls(callers, callees)).containsExactlyInAnyOrder(
                "ingress-nginx->map-gateway:8080/TCP",
                "map-gateway->incident-service:8081/TCP",
                "map-gateway->kafka:9092/TCP",
                "map-gateway->geocoding-service:8082/TCP",
                "incident-service->geocoding-service:8082/TCP",
                "incident-service->postgres:5432/TCP",
                "incident-service->kafka:9092/TCP",
                "geocoding-service->postgres:5432/TCP");
        Set<String> dns = new TreeSet<>();
        for (String service : SERVICES) {
            dns.add(service + "->kube-dns:53/UDP");
            dns.add(service + "->kube-dns:53/TCP");
        }
        assertThat(reachability.allowedCalls(services, List.of(Topology.CLUSTER_DNS))).isEqualTo(dns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayIngressKeepsServerSentEventsStreaming(String overlay) {
        Ingress ingress = Overlays.read(overlay).one(Ingress.class, "map-gateway");

        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-http-version", "1.1");
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            assertThat(Integer.parseInt(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/" + timeout)))
                    .as(timeout).isGreaterThanOrEqualTo(3600);
        }
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule ->
                assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                    assertThat(path.getPath()).isEqualTo("/");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("map-gateway");
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void serviceImagesAreTaggedWithTheProjectVersion(String overlay) {
        assertThat(Overlays.PROJECT_VERSION).isNotBlank();
        for (Deployment deployment : Overlays.read(overlay).all(Deployment.class)) {
            for (Container container : Workloads.podSpec(deployment).getContainers()) {
                assertThat(container.getImage())
                        .endsWith("incident-map/" + deployment.getMetadata().getName() + ":" + Overlays.PROJECT_VERSION);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedNotInlinedAndTheirCreationIsDocumented(String overlay) throws IOException {
        StrictManifests.Result result = Overlays.read(overlay);
        String guide = deploymentGuide();

        assertThat(result.all(Secret.class)).isEmpty();
        Set<String> referenced = referencedSecrets(result);
        assertThat(referenced).contains("incident-map-db-incident", "incident-map-db-geocoding", "incident-map-jwt");
        for (String secret : referenced) {
            assertThat(guide).as("the deployment guide tells how to create %s", secret)
                    .containsPattern("kubectl[^\\n]* create secret [a-z-]+ " + secret + "\\b");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void gatewayAndIncidentServiceAutoscaleAndOwnTheirReplicaCount(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);

        assertThat(result.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        for (String name : AUTOSCALED) {
            HorizontalPodAutoscaler hpa = result.one(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(result.one(Deployment.class, name).getSpec().getReplicas())
                    .as("%s leaves its replica count to the autoscaler", name).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesConnectToTheOperatorManagedDatabaseAndBroker(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);
        String database = result.all(CloudNativePg.Cluster.class).get(0).metadata().getName();
        String kafka = result.all(Kafka.class).get(0).getMetadata().getName();

        for (String name : List.of("incident-service", "geocoding-service")) {
            assertThat(result.one(ConfigMap.class, name).getData())
                    .containsEntry("IM_DB_HOST", database + "-rw")
                    .containsEntry("IM_DB_PORT", "5432");
        }
        for (String name : List.of("incident-service", "map-gateway")) {
            assertThat(result.one(ConfigMap.class, name).getData())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka + "-kafka-bootstrap:9092");
        }
        assertThat(result.one(ConfigMap.class, "incident-service").getData())
                .containsEntry("INCIDENT_GEOCODING_URL", "http://geocoding-service:8082");
        assertThat(result.one(ConfigMap.class, "map-gateway").getData())
                .containsEntry("GATEWAY_INCIDENT_SERVICE_URL", "http://incident-service:8081")
                .containsEntry("GATEWAY_GEOCODING_SERVICE_URL", "http://geocoding-service:8082");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresBootstrapsPostgisTheExtensionsAndOneRolePerService(String overlay) {
        CloudNativePg.Cluster cluster = Overlays.read(overlay).all(CloudNativePg.Cluster.class).get(0);

        assertThat(cluster.spec().imageName()).startsWith("ghcr.io/cloudnative-pg/postgis:15");
        assertThat(cluster.spec().bootstrap().initdb().database()).isEqualTo("incidentmap");
        assertThat(cluster.spec().bootstrap().initdb().postInitApplicationSQL()).contains(
                "CREATE EXTENSION IF NOT EXISTS postgis",
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                "CREATE EXTENSION IF NOT EXISTS unaccent");
        assertThat(cluster.spec().managed().roles()).extracting(CloudNativePg.Role::name, r -> r.passwordSecret().name())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("incident", "incident-map-db-incident"),
                        org.assertj.core.groups.Tuple.tuple("geocoding", "incident-map-db-geocoding"));
        assertThat(cluster.spec().storage().size()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftNodePoolsWithAThreePartitionEventTopic(String overlay) {
        StrictManifests.Result result = Overlays.read(overlay);
        Kafka kafka = result.all(Kafka.class).get(0);
        String name = kafka.getMetadata().getName();

        List<KafkaNodePool> pools = result.all(KafkaNodePool.class);
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", name));
        assertThat(pools.stream().flatMap(pool -> pool.getSpec().getRoles().stream()))
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        KafkaTopic topic = result.one(KafkaTopic.class, "incident-events");
        assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", name);
        assertThat(topic.getSpec().getPartitions()).isEqualTo(3);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(topic.getSpec().getReplicas()).isBetween(1, brokers);
    }

    @Test
    void devRunsOneReplicaOfEachService() {
        StrictManifests.Result dev = Overlays.read("dev");

        assertThat(dev.one(Deployment.class, "geocoding-service").getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.all(HorizontalPodAutoscaler.class)).allSatisfy(h -> assertThat(h.getSpec().getMaxReplicas()).isEqualTo(1));
        assertThat(dev.all(CloudNativePg.Cluster.class).get(0).spec().instances()).isEqualTo(1);
        assertThat(dev.all(KafkaNodePool.class)).allSatisfy(p -> assertThat(p.getSpec().getReplicas()).isEqualTo(1));
    }

    @Test
    void prodRunsSpreadReplicasBehindTls() {
        StrictManifests.Result prod = Overlays.read("prod");

        assertThat(prod.one(Deployment.class, "geocoding-service").getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
        assertThat(prod.all(HorizontalPodAutoscaler.class)).allSatisfy(h -> {
            assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
            assertThat(h.getSpec().getMaxReplicas()).isGreaterThan(h.getSpec().getMinReplicas());
        });
        for (Deployment deployment : prod.all(Deployment.class)) {
            var antiAffinity = Workloads.podSpec(deployment).getAffinity().getPodAntiAffinity();
            assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()).anySatisfy(term -> {
                assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(NetworkReachability.matches(term.getPodAffinityTerm().getLabelSelector(),
                        deployment.getSpec().getTemplate().getMetadata().getLabels())).isTrue();
            });
        }
        Ingress ingress = prod.one(Ingress.class, "map-gateway");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
            assertThat(tls.getSecretName()).isNotBlank();
        });
        CloudNativePg.Cluster database = prod.all(CloudNativePg.Cluster.class).get(0);
        assertThat(database.spec().instances()).isGreaterThanOrEqualTo(3);
        assertThat(database.spec().affinity().enablePodAntiAffinity()).isTrue();
        assertThat(database.spec().affinity().podAntiAffinityType()).isEqualTo("required");
    }

    /** The operator's guide the README links to. */
    private static String deploymentGuide() throws IOException {
        return Files.readString(Overlays.K8S_DIR.resolve("../docs/kubernetes.md"));
    }

    private static Set<String> referencedSecrets(StrictManifests.Result result) {
        Set<String> names = new TreeSet<>();
        for (Deployment deployment : result.all(Deployment.class)) {
            var pod = Workloads.podSpec(deployment);
            pod.getContainers().stream()
                    .flatMap(c -> Stream.concat(c.getEnv().stream().map(EnvVar::getValueFrom).filter(Objects::nonNull)
                                    .map(v -> v.getSecretKeyRef()).filter(Objects::nonNull).map(r -> r.getName()),
                            c.getEnvFrom().stream().map(f -> f.getSecretRef()).filter(Objects::nonNull).map(r -> r.getName())))
                    .forEach(names::add);
            pod.getVolumes().stream().map(v -> v.getSecret()).filter(Objects::nonNull).map(s -> s.getSecretName())
                    .forEach(names::add);
        }
        result.all(Ingress.class).stream().flatMap(i -> i.getSpec().getTls().stream()).map(t -> t.getSecretName())
                .forEach(names::add);
        result.all(CloudNativePg.Cluster.class).stream().flatMap(c -> c.spec().managed().roles().stream())
                .map(r -> r.passwordSecret().name()).forEach(names::add);
        return names;
    }
}
