package io.univinsight.deployment.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.univinsight.deployment.ProjectRoot;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;
import io.univinsight.events.TopicsConfigSource;

/**
 * Topic and dead-letter header names are defined once, in crawl-events ({@link Topics},
 * {@link DeadLetterHeaders}). This reads every module's configuration and sources and fails on a
 * topic or header name written anywhere else.
 */
class SharedNamesTests {
    private static final Pattern TOPIC_EXPRESSION = Pattern.compile("\\$\\{(" + Pattern.quote(TopicsConfigSource.PREFIX) + "[a-z-]+)}");
    /** A topic name typed as a Java string: "crawl.results", "crawl.tasks.normal". */
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"crawl\\.[a-z.-]+\"");
    /** A dead-letter header typed as a Java string, ours or SmallRye's. */
    private static final Pattern HEADER_LITERAL = Pattern.compile("\"(?:dead-letter-[a-z-]+|univ-dlq-(?:reason|source)|univ-replayed-from)\"");

    @Test
    void everyTopicAServiceConfiguresComesFromTheSharedDefinitions() throws IOException {
        List<String> problems = new ArrayList<>();
        int topicSettings = 0;
        for (Path file : applicationProperties()) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            }
            for (String key : props.stringPropertyNames()) {
                if (!(key.endsWith(".topic") || key.endsWith(".topics"))) {
                    continue;
                }
                topicSettings++;
                String value = props.getProperty(key).strip();
                String rest = TOPIC_EXPRESSION.matcher(value).replaceAll("").replace(",", "").strip();
                if (!rest.isEmpty()) {
                    problems.add(file + ": " + key + " names a topic itself (" + value + "); use ${" + TopicsConfigSource.PREFIX + "...}");
                }
                Matcher m = TOPIC_EXPRESSION.matcher(value);
                while (m.find()) {
                    if (!TopicsConfigSource.topicProperties().containsKey(m.group(1))) {
                        problems.add(file + ": " + key + " refers to " + m.group(1) + ", which crawl-events does not define");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(topicSettings >= 6, "the persistence channels and the monitor's topics were read: " + topicSettings);
    }

    @Test
    void theTopicPropertiesAreExactlyTheTopicsCreated() {
        List<String> created = Topics.all(1).stream().map(Topics.TopicSpec::name).sorted().toList();
        List<String> named = TopicsConfigSource.topicProperties().values().stream()
                .flatMap(v -> Stream.of(v.split(","))).sorted().toList();
        assertEquals(created, named);
    }

    @Test
    void noSourceTypesATopicOrDeadLetterHeaderName() throws IOException {
        List<String> problems = new ArrayList<>();
        Path sharedHeaders = Path.of("crawl-events", "src", "main", "java", "io", "univinsight", "events", "DeadLetterHeaders.java");
        for (Path file : ModuleSources.javaFiles("src")) {
            Path relative = ProjectRoot.get().relativize(file);
            if (relative.equals(sharedHeaders) || relative.startsWith("crawl-events")) {
                continue;
            }
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher header = HEADER_LITERAL.matcher(source);
            while (header.find()) {
                problems.add(relative + ": dead-letter header " + header.group() + " (use DeadLetterHeaders)");
            }
            if (relative.toString().contains("/src/main/")) {
                Matcher topic = TOPIC_LITERAL.matcher(source);
                while (topic.find()) {
                    problems.add(relative + ": topic " + topic.group() + " (use Topics)");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theCheckSeesATypedName() {
        assertTrue(HEADER_LITERAL.matcher("h.lastHeader(\"univ-dlq-reason\")").find());
        assertTrue(TOPIC_LITERAL.matcher("send(\"crawl.results\", v)").find());
        assertFalse(TOPIC_EXPRESSION.matcher("crawl.results").replaceAll("").isEmpty());
    }

    private static List<Path> applicationProperties() throws IOException {
        try (Stream<Path> modules = Files.list(ProjectRoot.get())) {
            return modules.map(m -> m.resolve("src/main/resources/application.properties")).filter(Files::isRegularFile).toList();
        }
    }
}
