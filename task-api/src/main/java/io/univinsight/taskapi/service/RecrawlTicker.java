package io.univinsight.taskapi.service;

import java.time.Instant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every replica ticks (recrawl.tick, default 30s; "off" disables it); the row locks in
 * {@link DueRecrawls} make sure each due recrawl is submitted by one of them.
 */
@ApplicationScoped
public class RecrawlTicker {
    @Inject
    DueRecrawls due;

    @Scheduled(every = "${recrawl.tick:30s}", delayed = "${recrawl.tick-delay:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        due.submitDue(Instant.now());
    }
}
