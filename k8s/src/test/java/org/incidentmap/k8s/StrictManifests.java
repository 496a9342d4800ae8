package org.incidentmap.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads rendered manifests into the Kubernetes object model (fabric8), Strimzi's model and the
 * CloudNativePG subset, rejecting any field the model does not know.
 *
 * <p>The model classes keep unknown fields in an "additional properties" map through a Jackson
 * any-setter, which would let a misspelt field pass; the reader removes the any-setters so that
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} applies as it would with {@code kubectl apply --validate=strict}.
 */
final class StrictManifests {

    /** apiVersion/kind to model class: a kind missing here is reported, not skipped. */
    private static final Map<String, Class<?>> MODEL = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class));

    private static final ObjectMapper YAML = new YAMLMapper();

    private static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .addModule(new SimpleModule().setDeserializerModifier(new WithoutAnySetter()))
            .build();

    private StrictManifests() {
    }

    /** One document of a rendered overlay, read into its model class. */
    record Manifest(String kind, String name, String namespace, Object model) {

        <T> T as(Class<T> type) {
            return type.cast(model);
        }
    }

    /** The documents that matched the model, and one line per document that did not. */
    record Result(List<Manifest> manifests, List<String> violations) {

        <T> List<T> all(Class<T> type) {
            return manifests.stream().map(Manifest::model).filter(type::isInstance).map(type::cast).toList();
        }

        <T> T one(Class<T> type, String name) {
            return manifests.stream()
                    .filter(m -> type.isInstance(m.model()) && name.equals(m.name()))
                    .map(m -> type.cast(m.model()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
        }
    }

    static Result read(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (JsonNode document : documents(yaml)) {
            String kind = document.path("kind").asText();
            String name = document.path("metadata").path("name").asText();
            String namespace = document.path("metadata").path("namespace").asText(null);
            String id = kind + "/" + name;
            Class<?> type = MODEL.get(document.path("apiVersion").asText() + "/" + kind);
            if (type == null) {
                violations.add(id + ": no model for apiVersion " + document.path("apiVersion").asText());
                continue;
            }
            try {
                manifests.add(new Manifest(kind, name, namespace, STRICT.treeToValue(document, type)));
            } catch (JsonProcessingException e) {
                violations.add(id + ": " + describe(e));
            }
        }
        return new Result(manifests, violations);
    }

    private static List<JsonNode> documents(String yaml) {
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            return values.readAll().stream().filter(node -> !node.isNull() && !node.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining())
                    .substring(1);
            return "at " + path + ": " + message;
        }
        return message;
    }

    private static final class WithoutAnySetter extends BeanDeserializerModifier {

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
        }
    }
}
