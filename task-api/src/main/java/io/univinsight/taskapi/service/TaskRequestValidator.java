package io.univinsight.taskapi.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.univinsight.events.Priority;
import io.univinsight.events.RenderMode;
import io.univinsight.taskapi.error.FieldError;

/** The rules of a valid task request; returns every violation, not just the first. */
public final class TaskRequestValidator {
    public static final int MAX_URL_LENGTH = 2048;
    public static final int DEFAULT_MAX_DEPTH = 2;
    public static final int DEFAULT_MAX_PAGES = 100;

    private TaskRequestValidator() {
    }

    public static List<FieldError> validate(TaskRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("body", "a JSON object is required"));
            return errors;
        }
        validateUrl(r.url(), errors);
        if (r.universityName() == null || r.universityName().isBlank()) {
            errors.add(new FieldError("universityName", "is required"));
        } else if (r.universityName().strip().length() > 100) {
            errors.add(new FieldError("universityName", "must be at most 100 characters"));
        }
        if (r.department() != null && r.department().length() > 200) {
            errors.add(new FieldError("department", "must be at most 200 characters"));
        }
        refuseUnstorable("universityName", r.universityName(), errors);
        refuseUnstorable("department", r.department(), errors);
        if (r.priority() != null && r.priority().chars().anyMatch(Character::isISOControl)) {
            // Priority.parse trims, and trim() drops control characters too: "high\u0007" must not pass as high.
            errors.add(new FieldError("priority", "contains control characters"));
        } else if (r.priority() != null) {
            try {
                Priority.parse(r.priority());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("priority", e.getMessage()));
            }
        }
        if (r.maxDepth() != null && (r.maxDepth() < 0 || r.maxDepth() > 5)) {
            errors.add(new FieldError("maxDepth", "must be between 0 and 5"));
        }
        if (r.maxPages() != null && (r.maxPages() < 1 || r.maxPages() > 1000)) {
            errors.add(new FieldError("maxPages", "must be between 1 and 1000"));
        }
        if (r.render() != null) {
            try {
                RenderMode.parse(r.render());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("render", e.getMessage()));
            }
        }
        if (r.recrawlEvery() != null) {
            try {
                RecrawlInterval.parse(r.recrawlEvery());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("recrawlEvery", e.getMessage()));
            }
        }
        return errors;
    }

    /**
     * Adds an error when the value has text PostgreSQL would refuse (accepting it would lose the task
     * after its 202); returns whether it did.
     */
    private static boolean refuseUnstorable(String field, String value, List<FieldError> errors) {
        String problem = StorableText.problem(value, true);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
        return problem != null;
    }

    private static void validateUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return;
        }
        if (refuseUnstorable("url", url, errors)) {
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                errors.add(new FieldError("url", "must name a host"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError("url", "must not carry credentials"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
        }
    }
}
