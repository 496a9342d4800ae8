package org.incidentmap.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which calls the NetworkPolicies of a rendered overlay let through, evaluated as the
 * Kubernetes NetworkPolicy semantics define them: a pod selected by a policy of a direction is
 * isolated in that direction and reaches (or is reached) only through a rule of such a policy;
 * a call needs the caller's egress and the callee's ingress. Traffic into pods of other
 * namespaces (ingress controller, DNS) is governed by those namespaces and taken as allowed there.
 */
final class NetworkReachability {

    /** A pod as the policies see it: its namespace's labels, its own labels and the ports it serves. */
    record Endpoint(String name, String namespace, Map<String, String> labels, List<Port> ports) {
    }

    record Port(int number, String protocol) {
    }

    /**
     * Strimzi writes the brokers' ingress policy from the listener's peers; this stands for it.
     */
    record ExternallyGoverned(String endpoint, int port, List<NetworkPolicyPeer> peers) {
    }

    private final List<NetworkPolicy> policies;
    private final List<ExternallyGoverned> operatorPolicies;

    NetworkReachability(List<NetworkPolicy> policies, List<ExternallyGoverned> operatorPolicies) {
        this.policies = policies;
        this.operatorPolicies = operatorPolicies;
    }

    /** Every allowed call from a source to a destination port, as "source->destination:port/protocol". */
    Set<String> allowedCalls(List<Endpoint> sources, List<Endpoint> destinations) {
        Set<String> calls = new TreeSet<>();
        for (Endpoint source : sources) {
            for (Endpoint destination : destinations) {
                if (source == destination) {
                    continue;
                }
                for (Port port : destination.ports()) {
                    if (egressAllowed(source, destination, port) && ingressAllowed(source, destination, port)) {
                        calls.add(source.name() + "->" + destination.name() + ":" + port.number() + "/" + port.protocol());
                    }
                }
            }
        }
        return calls;
    }

    private boolean egressAllowed(Endpoint source, Endpoint destination, Port port) {
        List<NetworkPolicy> selecting = selecting(source, "Egress");
        if (!isGovernedHere(source)) {
            return true;
        }
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> portsMatch(e.getValue().getPorts(), port)
                        && peersMatch(e.getValue().getTo(), e.getKey().getMetadata().getNamespace(), destination));
    }

    private boolean ingressAllowed(Endpoint source, Endpoint destination, Port port) {
        for (ExternallyGoverned governed : operatorPolicies) {
            if (governed.endpoint().equals(destination.name())) {
                return governed.port() == port.number()
                        && peersMatch(governed.peers(), destination.namespace(), source);
            }
        }
        if (!isGovernedHere(destination)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(destination, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> portsMatch(e.getValue().getPorts(), port)
                        && peersMatch(e.getValue().getFrom(), e.getKey().getMetadata().getNamespace(), source));
    }

    private boolean isGovernedHere(Endpoint endpoint) {
        return policies.stream().anyMatch(p -> Objects.equals(p.getMetadata().getNamespace(), endpoint.namespace()));
    }

    private List<NetworkPolicy> selecting(Endpoint endpoint, String direction) {
        return policies.stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), endpoint.namespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), endpoint.labels()))
                .toList();
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Port port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p ->
                Objects.requireNonNullElse(p.getProtocol(), "TCP").equals(port.protocol())
                        && (p.getPort() == null || Objects.equals(p.getPort().getIntVal(), port.number())));
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, policyNamespace, endpoint));
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, String policyNamespace, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            // The modelled endpoints are pods; an IP block stands for addresses outside the cluster.
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? Objects.equals(policyNamespace, endpoint.namespace())
                : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", endpoint.namespace()));
        return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> required = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        boolean labelsMatch = required.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        List<LabelSelectorRequirement> expressions = Objects.requireNonNullElse(selector.getMatchExpressions(), List.of());
        return labelsMatch && expressions.stream().allMatch(r -> switch (r.getOperator()) {
            case "In" -> r.getValues().contains(labels.get(r.getKey()));
            case "NotIn" -> !r.getValues().contains(labels.get(r.getKey()));
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
        });
    }
}
