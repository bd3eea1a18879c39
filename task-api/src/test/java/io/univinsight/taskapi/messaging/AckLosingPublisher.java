package io.univinsight.taskapi.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.univinsight.events.CrawlTask;

/**
 * The real publisher on the real broker, except that it can lose one acknowledgement: the task is
 * written, and the caller is told it timed out. That is what a broker killed between writing a
 * record and answering does, which no test can time with a real kill.
 */
public class AckLosingPublisher extends TaskPublisher {
    private final AtomicBoolean loseNext = new AtomicBoolean();

    public AckLosingPublisher(String bootstrap) {
        super(Map.of("bootstrap.servers", bootstrap));
    }

    public void loseNextAcknowledgement() {
        loseNext.set(true);
    }

    @Override
    public List<Exception> publishAll(List<CrawlTask> tasks) {
        List<Exception> outcomes = new ArrayList<>(super.publishAll(tasks));
        if (loseNext.getAndSet(false)) {
            outcomes.replaceAll(written -> written == null ? new TimeoutException("acknowledgement lost (test)") : written);
        }
        return outcomes;
    }

    public void shutDown() {
        close();
    }
}
