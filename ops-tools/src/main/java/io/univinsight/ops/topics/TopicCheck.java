package io.univinsight.ops.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import io.univinsight.events.Topics;

/** What the broker has for each defined topic, and where it differs from the definition. */
public final class TopicCheck {
    /** One defined topic as found: null description when missing; differences in words. */
    public record Row(String topic, Integer partitions, Integer replicas, String configs, List<String> differences) {
    }

    private TopicCheck() {
    }

    public static List<Row> describe(Admin admin, Topics.Layout layout) throws Exception {
        List<Topics.TopicSpec> specs = Topics.all(layout);
        Collection<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> present = specs.stream().map(Topics.TopicSpec::name).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(10, TimeUnit.SECONDS);
        List<Row> rows = new ArrayList<>();
        for (Topics.TopicSpec spec : specs) {
            TopicDescription d = descriptions.get(spec.name());
            if (d == null) {
                rows.add(new Row(spec.name(), null, null, "", List.of("missing (./univ topics create)")));
                continue;
            }
            int partitions = d.partitions().size();
            int replicas = d.partitions().get(0).replicas().size();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            List<String> differences = new ArrayList<>();
            if (partitions != spec.partitions()) {
                differences.add("partitions " + partitions + " (defined " + spec.partitions() + ")");
            }
            if (replicas != spec.replicationFactor()) {
                differences.add("replicas " + replicas + " (defined " + spec.replicationFactor() + ")");
            }
            for (Map.Entry<String, String> e : spec.configs().entrySet()) {
                String actual = config.get(e.getKey()) == null ? null : config.get(e.getKey()).value();
                if (!e.getValue().equals(actual)) {
                    differences.add(e.getKey() + "=" + actual + " (defined " + e.getValue() + ")");
                }
            }
            String shown = spec.configs().keySet().stream()
                    .map(k -> k + "=" + (config.get(k) == null ? "?" : config.get(k).value())).collect(Collectors.joining(" "));
            rows.add(new Row(spec.name(), partitions, replicas, shown, differences));
        }
        return rows;
    }
}
