package io.univinsight.crawler.cli;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.SsrfGuard;

/**
 * {@code ./univ guard URL [--allow CIDR[,CIDR...]]}: the crawler's SSRF guard verdict on a URL,
 * with the reason, after resolving its host as the crawler would; nothing is fetched. The allowed
 * networks default to CRAWLER_SSRF_ALLOWED_NETWORKS, as in the crawler. Exit 0 allowed, 1 refused.
 */
public final class GuardMain {
    private GuardMain() {
    }

    public static void main(String[] args) {
        String url = null;
        String allow = System.getenv().getOrDefault("CRAWLER_SSRF_ALLOWED_NETWORKS", "");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allow") && i + 1 < args.length) {
                allow = args[++i];
            } else {
                url = args[i];
            }
        }
        if (url == null) {
            System.err.println("usage: ./univ guard URL [--allow CIDR[,CIDR...]]");
            System.exit(2);
        }
        List<String> allowed = Arrays.stream(allow.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Verdict verdict = verdict(new SsrfGuard(new AddressPolicy(allowed), HostResolver.SYSTEM), url, allowed);
        System.out.println(verdict.line());
        System.exit(verdict.allowed() ? 0 : 1);
    }

    /** The guard's answer, and the line that says it: "allowed: ..." or "refused (reason): ...". */
    public record Verdict(boolean allowed, String line) {
    }

    public static Verdict verdict(SsrfGuard guard, String url, List<String> allowed) {
        try {
            List<InetAddress> addresses = guard.check(url);
            return new Verdict(true, "allowed: " + url + " resolves to " + addresses.stream().map(InetAddress::getHostAddress).toList()
                    + (allowed.isEmpty() ? "" : " (allowed networks " + allowed + ")"));
        } catch (FetchFailure f) {
            String detail = f.getMessage().startsWith(f.reason() + ": ") ? f.getMessage().substring(f.reason().length() + 2) : f.getMessage();
            return new Verdict(false, "refused (" + f.reason() + "): " + detail);
        }
    }
}
