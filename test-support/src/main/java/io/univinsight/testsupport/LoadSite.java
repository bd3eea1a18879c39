package io.univinsight.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A generated university spread over many loopback hosts (127.0.0.10, .11, ...; Linux routes all
 * of 127.0.0.0/8 to lo), for load and scaling tests: each host is its own site to the crawler's
 * politeness and its own partition key. /people/N.html is one professor's profile page (JSON-LD
 * Person, unique name and email), answered after a configurable latency. Each profile also lists
 * two papers (JSON-LD ScholarlyArticle): one of its own, with a DOI, and one without a DOI that
 * it shares with its neighbour on the same host (people 2k and 2k+1), so a paper found on two
 * pages must still be one row.
 */
public final class LoadSite implements AutoCloseable {
    private static final String[] FIRST = {"Ada", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
        "Keiko", "Lars", "Mira", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Stefan", "Tara"};
    /** Surnames are built from these, one syllable per decimal digit of the person's number: unique per number. */
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "bo"};

    private final List<HttpServer> servers;
    private final ExecutorService pool;
    private final int port;
    private final AtomicLong pagesServed = new AtomicLong();

    private LoadSite(List<HttpServer> servers, ExecutorService pool, int port) {
        this.servers = servers;
        this.pool = pool;
        this.port = port;
    }

    /** Serves hosts 127.0.0.10 .. 127.0.0.(10 + hosts - 1) on one port, each page after latency. */
    public static LoadSite start(int hosts, int port, Duration latency) throws IOException {
        if (hosts < 1 || hosts > 160) {
            throw new IllegalArgumentException("1 to 160 hosts");
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<HttpServer> servers = new ArrayList<>();
        LoadSite site = new LoadSite(servers, pool, port);
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(address(h), port), 128);
            int host = h;
            server.createContext("/", exchange -> site.handle(exchange, host, latency));
            server.setExecutor(pool);
            server.start();
            servers.add(server);
        }
        return site;
    }

    public static String address(int host) {
        return "127.0.0." + (10 + host);
    }

    /** The profile page of one person on one host. */
    public String url(int host, int person) {
        return "http://" + address(host) + ":" + port + "/people/" + person + ".html";
    }

    /**
     * The name the page of (host, person) shows: unique for every person number on each of 160
     * hosts (people 0-599 keep five-syllable surnames; later ones get longer ones).
     */
    public static String name(int host, int person) {
        long n = person < 600 ? host * 600L + person : 96_000L + (person - 600L) * 160 + host;
        StringBuilder surname = new StringBuilder();
        for (long digits = n, i = 0; i < 5 || digits > 0; i++, digits /= 10) {
            surname.append(SYLLABLES[(int) (digits % 10)]);
        }
        surname.setCharAt(0, Character.toUpperCase(surname.charAt(0)));
        return FIRST[(int) (n % FIRST.length)] + " " + surname;
    }

    public static String email(int host, int person) {
        return "p" + person + "@h" + host + ".load.example.edu";
    }

    /** The title of the paper only (host, person) lists; it has a DOI. */
    public static String ownPaperTitle(int host, int person) {
        return "Queueing Under Load at Site " + host + " Number " + person;
    }

    public static String ownPaperDoi(int host, int person) {
        return "10.5555/load." + host + "." + person;
    }

    /** The title of the paper (host, person) shares with its neighbour (2k and 2k+1); no DOI. */
    public static String sharedPaperTitle(int host, int person) {
        return "Joint Notes on Backpressure at Site " + host + " Pair " + (person / 2);
    }

    /** How many distinct papers the pages of these people list. */
    public static int distinctPapers(java.util.Collection<int[]> hostAndPerson) {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (int[] hp : hostAndPerson) {
            titles.add(ownPaperTitle(hp[0], hp[1]));
            titles.add(sharedPaperTitle(hp[0], hp[1]));
        }
        return titles.size();
    }

    public long pagesServed() {
        return pagesServed.get();
    }

    private void handle(HttpExchange exchange, int host, Duration latency) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
                return;
            }
            if (!path.startsWith("/people/") || !path.endsWith(".html")) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            int person;
            try {
                person = Integer.parseInt(path.substring("/people/".length(), path.length() - ".html".length()));
            } catch (NumberFormatException e) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            Thread.sleep(latency.toMillis());
            pagesServed.incrementAndGet();
            send(exchange, 200, "text/html; charset=utf-8", profile(host, person));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String profile(int host, int person) {
        String name = name(host, person);
        int partner = person % 2 == 0 ? person + 1 : person - 1;
        String partnerName = name(host, partner);
        String authors = person % 2 == 0 ? "\"%1$s\",\"%5$s\"" : "\"%5$s\",\"%1$s\"";
        // %4$d (the partner's number) is not shown; the partner appears only as a co-author.
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%1$s | Load University</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Person","name":"%1$s",
                "jobTitle":"Professor","email":"mailto:%2$s","worksFor":{"@type":"CollegeOrUniversity","name":"Load University",
                "department":{"@type":"Organization","name":"Department of Load %3$d"}}},
                {"@type":"ScholarlyArticle","headline":"%6$s","author":["%1$s"],"datePublished":"2021",
                "isPartOf":{"@type":"Periodical","name":"Journal of Load"},"identifier":"https://doi.org/%7$s"},
                {"@type":"ScholarlyArticle","headline":"%8$s","author":[AUTHORS],"datePublished":"2023",
                "isPartOf":{"@type":"Periodical","name":"Proceedings of Load"}}]}</script></head>
                <body><main><h1>%1$s</h1><p>Professor, Department of Load %3$d</p><p>Email: <a href="mailto:%2$s">%2$s</a></p></main></body></html>
                """.replace("AUTHORS", authors).formatted(name, email(host, person), host, partner, partnerName,
                        ownPaperTitle(host, person), ownPaperDoi(host, person), sharedPaperTitle(host, person));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        pool.shutdownNow();
    }
}
