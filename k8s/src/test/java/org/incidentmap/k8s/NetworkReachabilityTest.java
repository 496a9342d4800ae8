package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reachability evaluation follows NetworkPolicy semantics on the real overlay. */
class NetworkReachabilityTest {

    private static List<NetworkReachability.Endpoint> callers(StrictManifests.Result overlay) {
        List<NetworkReachability.Endpoint> callers = new ArrayList<>(Topology.services(overlay));
        callers.add(Topology.INGRESS_CONTROLLER);
        return callers;
    }

    @Test
    void withoutItsOwnPolicyTheGatewayIsCutOffByTheDefaultDeny() {
        StrictManifests.Result dev = Overlays.read("dev");
        List<NetworkPolicy> withoutGatewayPolicy = dev.all(NetworkPolicy.class).stream()
                .filter(p -> !p.getMetadata().getName().equals("map-gateway"))
                .toList();

        var reachability = new NetworkReachability(withoutGatewayPolicy, List.of());

        assertThat(reachability.allowedCalls(callers(dev), Topology.services(dev)))
                .containsExactlyInAnyOrder("incident-service->geocoding-service:8082/TCP");
    }

    @Test
    void withoutAnyPolicyEveryPodReachesEveryOther() {
        StrictManifests.Result dev = Overlays.read("dev");

        var reachability = new NetworkReachability(List.of(), List.of());

        assertThat(reachability.allowedCalls(callers(dev), Topology.services(dev)))
                .contains("map-gateway->geocoding-service:8082/TCP", "geocoding-service->incident-service:8081/TCP",
                        "ingress-nginx->incident-service:8081/TCP");
    }

    @Test
    void theBrokersAcceptOnlyTheListenerPeers() {
        StrictManifests.Result dev = Overlays.read("dev");
        List<NetworkReachability.Endpoint> brokers = Topology.dataServices(dev).stream()
                .filter(e -> e.name().equals("kafka"))
                .toList();

        assertThat(Topology.reachability(dev).allowedCalls(callers(dev), brokers))
                .containsExactlyInAnyOrder("map-gateway->kafka:9092/TCP", "incident-service->kafka:9092/TCP");
    }
}
