package io.univinsight.crawler.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.univinsight.crawler.ocr.EmailImageReader;

/** Prometheus view of OCR: univinsight_ocr_reads_total{outcome} (accepted, rejected, failed), one per picture read. */
final class OcrMeters implements EmailImageReader.OcrMeter {
    private final MeterRegistry registry;

    OcrMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void read(String outcome) {
        Counter.builder("univinsight.ocr.reads").description("Email pictures read by OCR, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
