package io.univinsight.crawler.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.PageState;
import io.univinsight.identity.PersonIdentity;

/**
 * Who left: the professors a directory page listed on its previous visit that it no longer lists,
 * read only from a directory page fetched in full (200, not cut at the size limit) that is still a
 * directory now (a page that broke or moved proves nobody left), minus anyone the same task found
 * elsewhere. People are compared by identity's keys: the same email key, or the same name key
 * (a page that drops an email, or a profile that adds one, is still the same person).
 */
public final class Departures {
    private final Map<String, CrawlResult.Professor> candidates = new LinkedHashMap<>();

    /** Notes who the page no longer lists, when this visit may say so. */
    public void compare(PageState previous, String kindNow, boolean readCompletely, Collection<CrawlResult.Professor> listedNow) {
        if (!mayTell(previous, kindNow, readCompletely)) {
            return;
        }
        Set<String> now = keysOf(listedNow);
        for (CrawlResult.Professor before : previous.professors()) {
            if (!isAmong(before, now)) {
                candidates.putIfAbsent(PersonIdentity.key(before.email(), before.name()), before);
            }
        }
    }

    static boolean mayTell(PageState previous, String kindNow, boolean readCompletely) {
        return previous != null && readCompletely && previous.professors() != null
                && PageKind.DIRECTORY.equals(previous.pageKind()) && PageKind.DIRECTORY.equals(kindNow);
    }

    /** The departed: candidates that the task found on no page (everyone it found, from any page). */
    public List<CrawlResult.Professor> departed(Collection<CrawlResult.Professor> foundByTask) {
        Set<String> found = keysOf(foundByTask);
        return candidates.values().stream().filter(p -> !isAmong(p, found)).toList();
    }

    /** Every email key and name key of these people. */
    static Set<String> keysOf(Collection<CrawlResult.Professor> people) {
        Set<String> keys = new java.util.HashSet<>();
        for (CrawlResult.Professor p : people) {
            String email = PersonIdentity.emailKey(p.email());
            if (email != null) {
                keys.add(email);
            }
            keys.add(PersonIdentity.nameKey(p.name()));
        }
        return keys;
    }

    private static boolean isAmong(CrawlResult.Professor p, Set<String> keys) {
        String email = PersonIdentity.emailKey(p.email());
        return (email != null && keys.contains(email)) || keys.contains(PersonIdentity.nameKey(p.name()));
    }
}
