package io.univinsight.crawler.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.messaging.CancelledTasks;
import io.univinsight.crawler.messaging.EventPublisher;
import io.univinsight.crawler.messaging.TaskConsumer;
import io.univinsight.crawler.messaging.TaskSource;
import io.univinsight.crawler.pagestate.PageStateReader;
import io.univinsight.crawler.pagestate.PageStateStore;
import io.univinsight.crawler.pagestate.PageStates;
import io.univinsight.crawler.pagestate.PublishedPageStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Assembles the crawl stages from configuration and runs them: the consumer thread and a
 * heartbeat every 5 s. On shutdown it stops taking work and lets in-flight tasks finish.
 */
@ApplicationScoped
public class CrawlerWorker {
    private static final Logger LOG = Logger.getLogger(CrawlerWorker.class);

    @Inject
    CrawlerConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private EventPublisher events;
    private TaskConsumer consumer;
    private Thread consumerThread;
    private WorkerStats stats;
    private ScheduledExecutorService heartbeats;
    private CancelledTasks cancellations;
    private Thread cancellationThread;
    private PageStateStore pageStore;
    private PageStateReader pageStateReader;
    private Thread pageStateThread;
    private PageRendering rendering;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    void start(@Observes StartupEvent startup) {
        String workerId = config.workerId().orElseGet(CrawlerWorker::defaultWorkerId);
        stats = new WorkerStats(workerId);
        String bootstrap = String.valueOf(kafkaConfig.get("bootstrap.servers"));
        // The consumer settings of the kafka.* configuration (session timeout, security, ...), as
        // KAFKA_SESSION_TIMEOUT_MS and the like set them for every Kafka client of the service.
        Map<String, Object> kafka = new java.util.HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (org.apache.kafka.clients.consumer.ConsumerConfig.configNames().contains(key)) {
                kafka.put(key, value);
            }
        });
        kafka.put("bootstrap.servers", bootstrap);
        events = new EventPublisher(bootstrap, workerId);
        rendering = CrawlStages.rendering(config, new RenderMeters(registry));
        SiteCrawl crawl = CrawlStages.siteCrawl(config, HostResolver.SYSTEM, openPageStates(kafka, workerId), rendering,
                CrawlStages.ocr(config, new OcrMeters(registry)));
        cancellations = new CancelledTasks(kafka, config.cancellations().capacity());
        cancellationThread = new Thread(cancellations, "cancellations");
        cancellationThread.setDaemon(true);
        cancellationThread.start();
        awaitCancellations();
        TaskRunner runner = new TaskRunner(crawl, events, stats, config.retry().maxAttempts(), config.retry().baseDelay());
        consumer = new TaskConsumer(kafka, TaskSource.standard(), workerId, runner, events, cancellations, config.concurrency(),
                config.politeness().maxConnectionsPerHost(), config.shutdownGrace());
        consumerThread = new Thread(consumer, "task-consumer");
        consumerThread.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "heartbeat"));
        heartbeats.scheduleAtFixedRate(this::beat, 0, 5, TimeUnit.SECONDS);
        LOG.infof("crawler %s started: concurrency %d, politeness %s (%s for own servers %s) and %d connection(s) per host, allowed private networks %s, "
                + "URL filters %s", workerId, config.concurrency(), config.politeness().delay(),
                config.politeness().ownServerDelay(), config.politeness().ownServers().orElse(List.of()),
                config.politeness().maxConnectionsPerHost(), config.ssrf().allowedNetworks().orElse(List.of()),
                config.scope().urlFilters());
    }

    /**
     * The local page-state store, read from the topic before the first task (bounded wait) so that a
     * restarted crawler sends its validators from its first fetch on.
     */
    private PageStates openPageStates(Map<String, Object> kafka, String workerId) {
        if (!config.pageState().enabled()) {
            return PageStates.NONE;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(config.pageState().dir()
                .orElseGet(() -> System.getProperty("java.io.tmpdir") + "/univinsight-page-state-" + workerId.replaceAll("[^A-Za-z0-9._-]", "_")));
        pageStore = new PageStateStore(dir, config.pageState().cacheBytes(), config.pageState().writeBufferBytes());
        pageStateReader = new PageStateReader(kafka, pageStore, (record, reason) -> {
            try {
                events.deadLetter(record, reason);
            } catch (EventPublisher.PublishException e) {
                LOG.warnf("unreadable page state not dead-lettered: %s", e.getMessage());
            }
        });
        pageStateThread = new Thread(pageStateReader, "page-state");
        pageStateThread.setDaemon(true);
        pageStateThread.start();
        try {
            if (!pageStateReader.awaitCaughtUp(config.pageState().catchUpTimeout())) {
                LOG.warn("page-state topic not read to its end yet; starting anyway (some pages fetched in full)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("page-state store %s: ~%d pages", dir, pageStore.estimatedPages());
        return new PublishedPageStates(pageStore, new PublishedPageStates.Topic() {
            @Override
            public void send(String url, byte[] json) {
                events.pageState(url, json);
            }

            @Override
            public void flush() {
                events.flush();
            }
        });
    }

    /** Cancellations already on the topic are known before the first task starts (bounded wait: Kafka may be slow). */
    private void awaitCancellations() {
        try {
            if (!cancellations.awaitCaughtUp(java.time.Duration.ofSeconds(15))) {
                LOG.warn("cancellation topic not read to its end yet; starting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        try {
            consumerThread.join(config.shutdownGrace().toMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancellations.stop();
        if (pageStateReader != null) {
            pageStateReader.stop();
            try {
                pageStateThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pageStore.close();
        }
        rendering.close();
        heartbeats.shutdownNow();
        beat();
        events.close();
    }

    /** The cancelled task ids this instance knows (tests wait on it). */
    public CancelledTasks cancellations() {
        return cancellations;
    }

    public boolean isConsuming() {
        return consumerThread != null && consumerThread.isAlive();
    }

    private void beat() {
        try {
            events.heartbeat(stats.heartbeat());
        } catch (EventPublisher.PublishException | RuntimeException e) {
            LOG.debugf("heartbeat not sent: %s", e.getMessage());
        }
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "crawler";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
