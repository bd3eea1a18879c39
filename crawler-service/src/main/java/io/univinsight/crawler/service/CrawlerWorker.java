package io.univinsight.crawler.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
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
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.messaging.EventPublisher;
import io.univinsight.crawler.messaging.TaskConsumer;
import io.univinsight.extraction.ExtractionPipeline;
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

    void start(@Observes StartupEvent startup) {
        String workerId = config.workerId().orElseGet(CrawlerWorker::defaultWorkerId);
        stats = new WorkerStats(workerId);
        AddressPolicy addresses = new AddressPolicy(config.ssrf().allowedNetworks().orElse(List.of()));
        PageFetcher fetcher = new PageFetcher(config.fetch(), config.userAgent(), addresses, HostResolver.SYSTEM);
        RobotsRules robots = new RobotsRules(fetcher, config.userAgent(), config.robots().cacheTtl(), Clock.systemUTC());
        SiteCrawl crawl = new SiteCrawl(fetcher, robots, new HostThrottle(config.politeness().maxConnectionsPerHost()),
                config.politeness().delay(), ExtractionPipeline.of(config.extraction().extractors()));
        String bootstrap = String.valueOf(kafkaConfig.get("bootstrap.servers"));
        events = new EventPublisher(bootstrap, workerId);
        TaskRunner runner = new TaskRunner(crawl, events, stats, config.retry().maxAttempts(), config.retry().baseDelay());
        consumer = new TaskConsumer(Map.of("bootstrap.servers", bootstrap), workerId, runner, events, config.concurrency());
        consumerThread = new Thread(consumer, "task-consumer");
        consumerThread.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "heartbeat"));
        heartbeats.scheduleAtFixedRate(this::beat, 0, 5, TimeUnit.SECONDS);
        LOG.infof("crawler %s started: concurrency %d, politeness %s per host, allowed private networks %s", workerId,
                config.concurrency(), config.politeness().delay(), config.ssrf().allowedNetworks().orElse(List.of()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        try {
            consumerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
        beat();
        events.close();
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
