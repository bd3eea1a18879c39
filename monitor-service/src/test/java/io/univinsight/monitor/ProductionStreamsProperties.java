package io.univinsight.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The Kafka Streams properties the monitor runs with in production, for a plain {@code KafkaStreams}
 * outside Quarkus: every {@code kafka-streams.*} key of application.properties without its prefix
 * (what Quarkus passes on), its application id, and only the broker and state directory of the test.
 */
final class ProductionStreamsProperties {
    private static final String PREFIX = "kafka-streams.";

    private ProductionStreamsProperties() {
    }

    static Properties load(String bootstrap, Path stateDir) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addSystemSources()
                .withProfile("prod").withSources(applicationProperties()).build();
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && !name.equals(PREFIX + StreamsConfig.STATE_DIR_CONFIG)) {
                props.put(name.substring(PREFIX.length()), config.getValue(name, String.class));
            }
        }
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getValue("quarkus.kafka-streams.application-id", String.class));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return props;
    }

    private static PropertiesConfigSource applicationProperties() {
        URL url = ProductionStreamsProperties.class.getClassLoader().getResource("application.properties");
        if (url == null) {
            throw new IllegalStateException("application.properties is not on the test class path");
        }
        try {
            return new PropertiesConfigSource(url, 250); // Quarkus' ordinal for application.properties
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
