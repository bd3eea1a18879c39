package io.univinsight.crawler.service;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus view of the render stage: univinsight_pages_rendered_total{outcome} (ok, timeout,
 * failed) and the render time histogram univinsight_render_seconds.
 */
final class RenderMeters implements PageRendering.RenderMeter {
    private final MeterRegistry registry;
    private final Timer renderTime;

    RenderMeters(MeterRegistry registry) {
        this.registry = registry;
        this.renderTime = Timer.builder("univinsight.render").description("Time to render one page in the headless browser")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void rendered(long ms, String outcome) {
        Counter.builder("univinsight.pages.rendered").description("Pages loaded in the headless browser, by outcome")
                .tag("outcome", outcome).register(registry).increment();
        renderTime.record(Duration.ofMillis(ms));
    }
}
