package io.univinsight.crawler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.crawler.pagestate.PageStateReader;
import io.univinsight.crawler.pagestate.PageStateStore;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.PageState;
import io.univinsight.events.Topics;
import io.univinsight.testsupport.KafkaTestResource;

/**
 * Memory of the page-state store at N URLs (default 1,000,000): a real broker (a child JVM, so its
 * memory is not counted) gets N PageStates on crawl.page-state (a profile page's: validators, hash,
 * 5 links, 1 professor, 3 papers); then this JVM opens an empty store and reads the whole topic as a
 * starting crawler does. Prints heap used (after GC) and process RSS before and after, RocksDB's own
 * accounting, the store's size on disk, and the time of the read and of 100,000 random look-ups.
 * Arguments: URLs.
 */
public final class PageStateMemoryBench {
    private static final JsonSerde<PageState> JSON = new JsonSerde<>(PageState.class);

    public static void main(String[] args) throws Exception {
        int urls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        KafkaTestResource broker = new KafkaTestResource();
        String bootstrap = broker.startBroker();
        Path dir = Files.createTempDirectory("page-state-bench");
        try {
            long produceStarted = System.nanoTime();
            long topicBytes = produce(bootstrap, urls);
            System.out.printf("topic: %,d page states, %.0f MB of JSON, written in %.1f s%n", urls, topicBytes / 1e6,
                    (System.nanoTime() - produceStarted) / 1e9);

            long heapBefore = heapAfterGc();
            long rssBefore = rss();
            PageStateStore store = PageStateStore.open(dir);
            PageStateReader reader = new PageStateReader(Map.of("bootstrap.servers", bootstrap, "auto.offset.reset", "earliest"), store,
                    (r, why) -> System.out.println("unreadable: " + why));
            Thread thread = new Thread(reader, "page-state");
            long readStarted = System.nanoTime();
            thread.start();
            if (!reader.awaitCaughtUp(Duration.ofMinutes(20))) {
                throw new IllegalStateException("the topic was not read in 20 minutes");
            }
            double readSeconds = (System.nanoTime() - readStarted) / 1e9;
            long rssRead = rss();
            long heapRead = heapAfterGc();
            Random random = new Random(1);
            long lookupStarted = System.nanoTime();
            int found = 0;
            for (int i = 0; i < 100_000; i++) {
                if (store.find(url(random.nextInt(urls))).isPresent()) {
                    found++;
                }
            }
            double lookupSeconds = (System.nanoTime() - lookupStarted) / 1e9;
            long rssAfter = rss();
            long heapAfter = heapAfterGc();
            System.out.printf("read the topic into the store in %.1f s (%,.0f records/s); ~%,d keys in RocksDB; %.0f MB on disk%n",
                    readSeconds, urls / readSeconds, store.estimatedPages(), size(dir) / 1e6);
            System.out.printf("100,000 random look-ups: %d found, %.1f us each%n", found, lookupSeconds * 1e6 / 100_000);
            System.out.printf("heap used after GC: before %.1f MB, after reading %.1f MB, after look-ups %.1f MB -> delta %.1f MB%n",
                    heapBefore / 1e6, heapRead / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
            System.out.printf("process RSS: before %.1f MB, after reading %.1f MB, after look-ups %.1f MB -> delta %.1f MB (heap and off-heap)%n",
                    rssBefore / 1e6, rssRead / 1e6, rssAfter / 1e6, (Math.max(rssRead, rssAfter) - rssBefore) / 1e6);
            System.out.printf("RocksDB's own accounting (memtables + block cache + table readers): %.1f MB%n", store.nativeMemoryBytes() / 1e6);
            long rssDelta = Math.max(rssRead, rssAfter) - rssBefore;
            long heapDelta = Math.max(0, Math.max(heapRead, heapAfter) - heapBefore);
            System.out.printf("heap committed: %.0f MB (fixed with -Xms = -Xmx and pre-touched, run.sh), so the RSS delta is off-heap%n",
                    Runtime.getRuntime().totalMemory() / 1e6);
            System.out.printf("memory per crawler for %,d URLs: %.1f MB (largest RSS delta %.1f MB + live heap delta %.1f MB; goal <= 200 MB)%n",
                    urls, (rssDelta + heapDelta) / 1e6, rssDelta / 1e6, heapDelta / 1e6);
            reader.stop();
            thread.join(10_000);
            store.close();
        } finally {
            broker.stop();
            deleteTree(dir);
        }
    }

    private static long produce(String bootstrap, int urls) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < urls; i++) {
                byte[] value = JSON.serialize(Topics.PAGE_STATE, state(i));
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.PAGE_STATE, url(i), value));
            }
            producer.flush();
        }
        return bytes;
    }

    private static String url(int i) {
        return "https://www.dept" + (i % 2000) + ".univ" + (i % 97) + ".example.edu/faculty/people/person-" + i + ".html";
    }

    private static PageState state(int i) {
        String u = url(i);
        List<String> links = List.of(u.replace(".html", "/publications.html"), "https://www.dept" + (i % 2000) + ".univ" + (i % 97)
                + ".example.edu/faculty/", u.replace("person-", "cv-"), u + "?page=2", u.replace(".html", "/teaching.html"));
        String name = "Person " + Integer.toString(i, 36) + " Example";
        CrawlResult.Professor p = new CrawlResult.Professor(name, "Associate Professor", "p" + i + "@univ.example.edu", "Computer Science",
                u, 0.92);
        List<CrawlResult.Paper> papers = List.of(
                new CrawlResult.Paper("On the memory of crawlers, part " + i, List.of(name, "Co Author"), 2024, "Proc. CONF", "10.1000/x." + i, null, List.of(p.email())),
                new CrawlResult.Paper("Conditional requests at scale " + i, List.of(name), 2023, "J. Web", null, null, List.of(p.email())),
                new CrawlResult.Paper("Compacted topics as caches " + i, List.of(name, "Another Author"), 2022, null, null, null, List.of(p.email())));
        return new PageState(PageState.SCHEMA_VERSION, u, "\"" + Long.toHexString(u.hashCode() * 0x9E3779B97F4A7C15L) + "\"",
                "Mon, 05 Jan 2026 00:00:00 GMT", Long.toHexString(i * 31L) + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab",
                30_000 + i % 9000, Instant.parse("2026-01-05T00:00:00Z"), "profile", links, List.of(p), papers);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Resident set size of this process (Linux). */
    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
