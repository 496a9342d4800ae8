package org.incidentmap.k8s;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1} Cluster this project uses, field
 * names as in the operator's API reference. No model of it is published to Maven Central, so
 * this is a structural check: a field outside this subset (or misspelt) fails the strict reader.
 */
final class CloudNativePg {

    private CloudNativePg() {
    }

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
    }

    record Spec(Integer instances, String imageName, String primaryUpdateStrategy, Bootstrap bootstrap,
            Managed managed, Postgresql postgresql, Storage storage, ResourceRequirements resources,
            Affinity affinity) {
    }

    record Bootstrap(Initdb initdb) {
    }

    record Initdb(String database, String owner, List<String> postInitSQL, List<String> postInitApplicationSQL,
            List<String> postInitTemplateSQL) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, String ensure, Boolean login, SecretReference passwordSecret, Boolean superuser,
            Boolean createdb, List<String> inRoles, String comment) {
    }

    record SecretReference(String name) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Storage(String size, String storageClass) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }
}
