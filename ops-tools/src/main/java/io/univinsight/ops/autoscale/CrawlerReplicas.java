package io.univinsight.ops.autoscale;

import java.util.NavigableSet;

/**
 * What the autoscaler needs of whoever runs the crawler processes: the extra replicas (2 and up)
 * that are alive, and starting or stopping one. The autoscaler owns this interface and never calls the
 * launcher itself; OpsMain hands it the local launcher's replicas.
 */
public interface CrawlerReplicas {
    /** Indexes of the live extra replicas (the stack's own crawler, replica 1, is not among them). */
    NavigableSet<Integer> live();

    void start(int index);

    /** Stops one gracefully: the crawler drains its in-flight tasks first. */
    void stop(int index);

    /** The process name of replica index, for the log. */
    String name(int index);
}
