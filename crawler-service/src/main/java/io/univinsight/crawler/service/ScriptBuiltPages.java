package io.univinsight.crawler.service;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether a page that gave no records looks built in the browser: its HTML holds an empty list
 * (or an empty application root) and a script that loads data, so a crawler that does not run
 * scripts sees nothing. Such a task is told "render-needed" instead of a bare 0 professors.
 * General signs only (people words in several languages, data-loading calls), no site's markup.
 */
public final class ScriptBuiltPages {
    /** A script that loads data after the page has loaded. */
    private static final Pattern LOADS_DATA = Pattern.compile(
            "\\bfetch\\s*\\(|XMLHttpRequest|\\$\\.(?:getJSON|ajax|get|post)\\s*\\(|\\baxios\\s*[.(]|\\.json\\b|/api/");
    /** Words of a people listing, in an id, a class, a title or a heading. */
    private static final Pattern PEOPLE_WORDS = Pattern.compile("faculty|people|staff|directory|professor|member|person|team|personnel"
            + "|mitarbeiter|personen|professoren|profesor|docent|enseignant|chercheur|教员|教員|教师|教師|师资|師資|教授|人员|スタッフ|교수|교원|구성원",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The mount point of a single-page application. */
    private static final Pattern APP_ROOT = Pattern.compile("root|app|__next|__nuxt|main-app", Pattern.CASE_INSENSITIVE);
    /** Below this much body text a page with an empty application root is only its shell. */
    private static final int SHELL_TEXT_CHARS = 200;

    private ScriptBuiltPages() {
    }

    public static boolean looksScriptBuilt(Document doc) {
        if (!loadsData(doc) && doc.select("script[src]").isEmpty()) {
            return false;
        }
        boolean aboutPeople = PEOPLE_WORDS.matcher(doc.title()).find() || doc.select("h1, h2").stream()
                .anyMatch(h -> PEOPLE_WORDS.matcher(h.text()).find());
        for (Element e : doc.select("ul, ol, tbody, table, div, section")) {
            if (!e.children().isEmpty() || !e.text().isBlank()) {
                continue;
            }
            String names = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
            if (PEOPLE_WORDS.matcher(names).find() || aboutPeople && !names.isBlank()) {
                return true; // an empty container named for people, or any named empty container on a people page
            }
            if (APP_ROOT.matcher(e.id()).matches() && doc.body() != null && doc.body().text().length() < SHELL_TEXT_CHARS) {
                return true;
            }
        }
        return false;
    }

    /** An inline script calling for data (an external one may too, unseen). */
    private static boolean loadsData(Document doc) {
        for (Element script : doc.select("script")) {
            if (LOADS_DATA.matcher(script.data()).find()) {
                return true;
            }
        }
        return false;
    }
}
