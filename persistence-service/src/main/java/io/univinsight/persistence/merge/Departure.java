package io.univinsight.persistence.merge;

import java.time.Instant;
import java.util.UUID;

/**
 * A directory page no longer listing a professor it listed before (one entry of CrawlResult.departed),
 * by the person's keys: the email, else the university and the normalised name, as the merge matches.
 */
public record Departure(UUID taskId, Instant at, String university, String normalizedName, String email) {
}
