package org.incidentmap.k8s;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The pods of a rendered overlay as the network policies see them. */
final class Topology {

    static final NetworkReachability.Endpoint INGRESS_CONTROLLER = new NetworkReachability.Endpoint(
            "ingress-nginx", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), List.of());
    static final NetworkReachability.Endpoint CLUSTER_DNS = new NetworkReachability.Endpoint(
            "kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"),
            List.of(new NetworkReachability.Port(53, "UDP"), new NetworkReachability.Port(53, "TCP")));

    private Topology() {
    }

    static List<NetworkReachability.Endpoint> services(StrictManifests.Result overlay) {
        return overlay.all(Deployment.class).stream()
                .map(d -> new NetworkReachability.Endpoint(d.getMetadata().getName(), d.getMetadata().getNamespace(),
                        d.getSpec().getTemplate().getMetadata().getLabels(),
                        Workloads.podSpec(d).getContainers().stream()
                                .flatMap(c -> c.getPorts().stream())
                                .map(Topology::port)
                                .toList()))
                .toList();
    }

    /** The PostgreSQL instances and Kafka brokers, labelled as their operators label them. */
    static List<NetworkReachability.Endpoint> dataServices(StrictManifests.Result overlay) {
        List<NetworkReachability.Endpoint> endpoints = new ArrayList<>();
        for (CloudNativePg.Cluster cluster : overlay.all(CloudNativePg.Cluster.class)) {
            endpoints.add(new NetworkReachability.Endpoint("postgres", cluster.metadata().getNamespace(),
                    Map.of("cnpg.io/cluster", cluster.metadata().getName(), "cnpg.io/podRole", "instance"),
                    List.of(new NetworkReachability.Port(5432, "TCP"))));
        }
        for (Kafka kafka : overlay.all(Kafka.class)) {
            endpoints.add(new NetworkReachability.Endpoint("kafka", kafka.getMetadata().getNamespace(),
                    Map.of("strimzi.io/cluster", kafka.getMetadata().getName(), "strimzi.io/kind", "Kafka",
                            "strimzi.io/broker-role", "true"),
                    kafka.getSpec().getKafka().getListeners().stream()
                            .map(l -> new NetworkReachability.Port(l.getPort(), "TCP"))
                            .toList()));
        }
        return endpoints;
    }

    static NetworkReachability reachability(StrictManifests.Result overlay) {
        List<NetworkReachability.ExternallyGoverned> brokerPolicies = overlay.all(Kafka.class).stream()
                .flatMap(kafka -> kafka.getSpec().getKafka().getListeners().stream())
                .map(l -> new NetworkReachability.ExternallyGoverned("kafka", l.getPort(),
                        Objects.requireNonNullElse(l.getNetworkPolicyPeers(), List.of())))
                .toList();
        return new NetworkReachability(overlay.all(NetworkPolicy.class), brokerPolicies);
    }

    private static NetworkReachability.Port port(ContainerPort port) {
        return new NetworkReachability.Port(port.getContainerPort(), Objects.requireNonNullElse(port.getProtocol(), "TCP"));
    }
}
