package io.univinsight.extraction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic university pages for the benchmarks, generated (seeded, so every run sees the same
 * bytes): a heavy shared layout (mega menu, inline CSS and JS, footer link farm) around a faculty
 * directory with pagination, or a profile with biography and a long publication list. Sizes land
 * in the 30-80 KB of real department sites.
 */
public final class BenchPages {
    private static final String[] FIRST = {"Eleanor", "Marcus", "Priya", "Naomi", "Samuel", "Tobias", "Chen", "Amara", "Lukas", "Sofia",
            "Hiroshi", "Fatima", "Diego", "Ingrid", "Kwame", "Mei", "Rafael", "Leila", "Jonas", "Anika"};
    private static final String[] LAST = {"Whitfield", "Delgado", "Raman", "Okafor", "Achterberg", "Lindqvist", "Wei", "Nwosu", "Brandt",
            "Moretti", "Tanaka", "Haddad", "Ortega", "Solberg", "Mensah", "Lin", "Carvalho", "Farahani", "Weber", "Kapoor"};
    private static final String[] TITLES = {"Professor", "Associate Professor", "Assistant Professor", "Professor Emeritus"};
    private static final String[] TOPICS = {"distributed systems", "database systems", "machine learning", "computer vision",
            "programming languages", "formal verification", "computer networks", "human-computer interaction", "cryptography",
            "compilers", "robotics", "information retrieval", "operating systems", "computational biology"};
    private static final String[] VENUES = {"Proceedings of the ACM Symposium on Operating Systems Principles",
            "IEEE Transactions on Knowledge and Data Engineering", "Proceedings of NeurIPS", "USENIX Annual Technical Conference",
            "Journal of the ACM", "Proceedings of the VLDB Endowment", "ACM SIGCOMM Conference", "IEEE Symposium on Security and Privacy"};
    private static final String WORDS = "the of and a to in is that for it as was with be by on not this are at from have an which "
            + "system data model approach results method analysis performance design network learning algorithm structure framework";

    private BenchPages() {
    }

    /** One person of the generated department. */
    public record Person(String name, String slug, String title, String email) {
    }

    public static List<Person> people(int count, long seed) {
        Random r = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[(i + r.nextInt(LAST.length)) % LAST.length];
            String name = first + " " + last;
            String slug = (first + "-" + last + "-" + i).toLowerCase();
            people.add(new Person(name, slug, TITLES[r.nextInt(TITLES.length)], slug + "@bench.example.edu"));
        }
        return people;
    }

    /**
     * The 16 pages of one kind that the extraction benchmarks time (the crawler's JMH ExtractionBench, ExtractionTiming,
     * PairedExtractionTiming): "directory" (12 people each), "profile" or "written-email".
     */
    public static List<String> extractionBenchPages(String kind) {
        List<Person> people = people(200, 7);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pages.add(switch (kind) {
                case "directory" -> directory(people.subList(i * 12, i * 12 + 12), i + 1, 16, 7);
                case "profile" -> profile(people.get(i), 7);
                case "written-email" -> writtenEmailProfile(people.get(i), 7);
                default -> throw new IllegalArgumentException("page kind: directory, profile or written-email, not " + kind);
            });
        }
        return pages;
    }

    /** Directory page `page` (1-based) of `pages`, listing the given people; links are site-relative. */
    public static String directory(List<Person> onPage, int page, int pages, long seed) {
        Random r = new Random(seed * 31 + page);
        StringBuilder sb = head("Faculty | Department of Computer Science", r);
        sb.append("<main id=\"main\"><h1>Faculty &amp; Staff</h1><p class=\"intro\">").append(words(r, 60))
                .append("</p><section class=\"directory\"><div class=\"faculty-grid\">\n");
        for (Person p : onPage) {
            sb.append("<article class=\"person-card\"><img src=\"/img/").append(p.slug()).append(".jpg\" alt=\"\">")
                    .append("<h3 class=\"person-name\"><a href=\"/cs/faculty/people/").append(p.slug()).append(".html\">")
                    .append(p.name()).append("</a></h3><p class=\"person-title\">").append(p.title()).append("</p>")
                    .append("<p class=\"person-research\">Research: ").append(TOPICS[r.nextInt(TOPICS.length)]).append(", ")
                    .append(TOPICS[r.nextInt(TOPICS.length)]).append("</p><p class=\"person-bio\">").append(words(r, 50))
                    .append("</p><p class=\"person-contact\"><a href=\"mailto:")
                    .append(p.email()).append("\">").append(p.email()).append("</a> · Room ").append(100 + r.nextInt(500))
                    .append("</p></article>\n");
        }
        sb.append("</div><nav class=\"pagination\" aria-label=\"Directory pages\">");
        for (int i = 1; i <= pages; i++) {
            sb.append(i == page ? "<span class=\"current\">" + i + "</span>" : "<a href=\"" + pageUrl(i) + "\">" + i + "</a>");
        }
        if (page < pages) {
            sb.append("<a href=\"").append(pageUrl(page + 1)).append("\" rel=\"next\">Next ›</a>");
        }
        sb.append("</nav></section></main>");
        return tail(sb, r);
    }

    public static String pageUrl(int page) {
        return page == 1 ? "/cs/faculty/" : "/cs/faculty/?page=" + page;
    }

    /** A profile page with biography, research, 20-45 publications and teaching. */
    public static String profile(Person p, long seed) {
        Random r = new Random(seed * 17 + p.slug().hashCode());
        StringBuilder sb = head(p.name() + " | Department of Computer Science", r);
        sb.append("<main id=\"main\"><section class=\"profile-head\"><h1>").append(p.name()).append("</h1><p class=\"title\">")
                .append(p.title()).append("</p><p class=\"department\"><a href=\"/cs/faculty/\">Department of Computer Science</a></p>")
                .append("<ul class=\"contact\"><li>Email: <a href=\"mailto:").append(p.email()).append("\">").append(p.email())
                .append("</a></li><li>Office: Engineering Hall ").append(100 + r.nextInt(500)).append("</li><li>Phone: +1-555-0")
                .append(100 + r.nextInt(900)).append("</li></ul></section><section class=\"bio\"><h2>Biography</h2>");
        for (int i = 0; i < 4; i++) {
            sb.append("<p>").append(words(r, 90)).append("</p>");
        }
        sb.append("</section><section class=\"research\"><h2>Research Interests</h2><ul>");
        for (int i = 0; i < 5; i++) {
            sb.append("<li>").append(TOPICS[r.nextInt(TOPICS.length)]).append("</li>");
        }
        sb.append("</ul></section><section class=\"publications\"><h2>Selected Publications</h2><ol class=\"pub-list\">\n");
        int pubs = 25 + r.nextInt(36);
        for (int i = 0; i < pubs; i++) {
            int year = 2024 - i / 3;
            sb.append("<li>").append(p.name()).append(" and ").append(FIRST[r.nextInt(FIRST.length)]).append(' ')
                    .append(LAST[r.nextInt(LAST.length)]).append(", “").append(capitalized(words(r, 6 + r.nextInt(6))))
                    .append(",” in <em>").append(VENUES[r.nextInt(VENUES.length)]).append("</em>, ").append(year).append('.');
            if (r.nextBoolean()) {
                sb.append(" <a href=\"https://doi.org/10.5555/bench.").append(year).append('.').append(r.nextInt(100000))
                        .append("\">doi</a>");
            }
            sb.append("</li>\n");
        }
        sb.append("</ol></section><section class=\"teaching\"><h2>Teaching</h2><ul><li>CS ").append(100 + r.nextInt(600))
                .append(' ').append(capitalized(TOPICS[r.nextInt(TOPICS.length)])).append("</li></ul></section></main>");
        return tail(sb, r);
    }

    /**
     * A bare personal page (no theme, no head assets): the address written out ("jane [at] bench [dot] example [dot]
     * edu") after the rank, a link menu inside the body, long research prose, then 25 plain-text citations with DOI
     * links. The shape of the e2e bench's profiles: the email search climbs to the body and reads all of it.
     */
    public static String writtenEmailProfile(Person p, long seed) {
        Random r = new Random(seed * 13 + p.slug().hashCode());
        String[] at = p.email().split("@");
        StringBuilder sb = new StringBuilder(32 * 1024);
        sb.append("<html><head><title>").append(p.name()).append("</title></head><body><h1>").append(p.name())
                .append("</h1><p class='rank'>").append(p.title()).append("</p><p>Email: ").append(at[0]).append(" [at] ")
                .append(at[1].replace(".", " [dot] ")).append("</p><div class=\"nav\"><ul>");
        for (int i = 0; i < 30; i++) {
            sb.append("<li><a href=\"https://www.example.org/news/").append(i).append("\">News ").append(i).append("</a></li>");
        }
        sb.append("<li><a href=\"/cs/faculty/\">Faculty</a></li></ul></div>\n");
        for (int i = 0; i < 24; i++) {
            sb.append("<p>").append(words(r, 160)).append("</p>\n");
        }
        sb.append("<h2>Publications</h2><ol>");
        for (int i = 0; i < 25; i++) {
            sb.append("<li>").append(p.name()).append(", ").append(FIRST[r.nextInt(FIRST.length)]).append(' ')
                    .append(LAST[r.nextInt(LAST.length)]).append(". \"").append(capitalized(words(r, 5 + r.nextInt(5))))
                    .append("\". In ").append(VENUES[r.nextInt(VENUES.length)]).append(' ').append(2000 + i % 24)
                    .append(". <a href=\"https://doi.org/10.5555/bench.").append(i).append('.').append(r.nextInt(100000))
                    .append("\">doi</a></li>\n");
        }
        return sb.append("</ol><a href='/cs/faculty/'>Back to faculty</a></body></html>").toString();
    }

    private static StringBuilder head(String title, Random r) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title).append("</title><style>");
        for (int i = 0; i < 300; i++) {
            sb.append(".c").append(i).append("{margin:").append(r.nextInt(20)).append("px;padding:").append(r.nextInt(20))
                    .append("px;color:#").append(Integer.toHexString(0x100000 + r.nextInt(0xefffff))).append("}\n");
        }
        sb.append("</style><script>window.dataLayer=window.dataLayer||[];");
        for (int i = 0; i < 60; i++) {
            sb.append("function f").append(i).append("(a){return a*").append(r.nextInt(100)).append("+").append(r.nextInt(100)).append(";}");
        }
        sb.append("</script></head><body><header class=\"site-header\"><div class=\"brand\"><a href=\"/\">Bench University</a></div>")
                .append("<nav class=\"mega-menu\"><ul>");
        for (int i = 0; i < 12; i++) {
            sb.append("<li><a href=\"/section-").append(i).append("/\">Section ").append(i).append("</a><ul>");
            for (int j = 0; j < 10; j++) {
                sb.append("<li><a href=\"/section-").append(i).append("/topic-").append(j).append(".html\">")
                        .append(capitalized(words(r, 2))).append("</a></li>");
            }
            sb.append("</ul></li>");
        }
        return sb.append("</ul></nav></header>\n");
    }

    private static String tail(StringBuilder sb, Random r) {
        sb.append("<footer class=\"site-footer\"><ul class=\"footer-links\">");
        for (int i = 0; i < 100; i++) {
            sb.append("<li><a href=\"/about/").append(i).append(".html\">").append(capitalized(words(r, 3))).append("</a></li>");
        }
        return sb.append("</ul><p>© 2025 Bench University. 1 University Ave.</p></footer></body></html>").toString();
    }

    private static String words(Random r, int n) {
        String[] w = WORDS.split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(w[r.nextInt(w.length)]);
        }
        return sb.toString();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
