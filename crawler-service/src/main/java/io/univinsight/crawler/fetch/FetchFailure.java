package io.univinsight.crawler.fetch;

/**
 * A page that could not be fetched. Transient failures (timeouts, 5xx, connection errors)
 * are worth retrying; permanent ones (4xx, robots, not HTML, blocked address) are not.
 */
public class FetchFailure extends Exception {
    public enum Kind { TRANSIENT, PERMANENT }

    private final Kind kind;
    private final String reason;
    private final int httpStatus;

    public FetchFailure(Kind kind, String reason, String detail, int httpStatus) {
        super(reason + ": " + detail);
        this.kind = kind;
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public static FetchFailure permanent(String reason, String detail) {
        return new FetchFailure(Kind.PERMANENT, reason, detail, 0);
    }

    public static FetchFailure transientFailure(String reason, String detail) {
        return new FetchFailure(Kind.TRANSIENT, reason, detail, 0);
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** Short machine-readable reason: robots, blocked-address, http-404, not-html, timeout, ... */
    public String reason() {
        return reason;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
