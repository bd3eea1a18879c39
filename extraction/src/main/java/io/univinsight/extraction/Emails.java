package io.univinsight.extraction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Finds email addresses in mailto links, plain text and the usual anti-spam spellings. */
public final class Emails {
    /** An address's shape; {@link EmailShape} finds it by a scan of the characters (EmailShapeTests holds them equal). */
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    // "name [at] domain", "name(at)domain", "name {at} domain", "name <at> domain"
    /** The brackets {@link #BRACKET_AT} and {@link #BRACKET_DOT} open with. */
    static final String OPENING_BRACKETS = "[({<";
    static final Pattern BRACKET_AT = Pattern.compile("\\s*[\\[({<]\\s*(?i:at|@|arroba|chiocciola)\\s*[\\])}>]\\s*");
    static final Pattern BRACKET_DOT = Pattern.compile("\\s*[\\[({<]\\s*(?i:dot|\\.|punto|punkt|point)\\s*[\\])}>]\\s*");
    // "name AT domain DOT edu": only the shouted form, lower-case "at"/"dot" is ordinary prose.
    private static final Pattern WORD_AT = Pattern.compile("(?<=[A-Za-z0-9._-])\\s+AT\\s+(?=[A-Za-z0-9-])");
    private static final Pattern WORD_DOT = Pattern.compile("(?<=[A-Za-z0-9-])\\s+DOT\\s+(?=[A-Za-z0-9-])");
    // "name at domain dot edu" in lower case: only with at least one "dot", which prose rarely has.
    private static final Pattern SPOKEN = Pattern.compile(
            "\\b([A-Za-z0-9._-]+)\\s+at\\s+([A-Za-z0-9-]+(?:\\s+dot\\s+[A-Za-z0-9-]+)+)\\b");
    private static final Pattern SPOKEN_DOT = Pattern.compile("\\s+dot\\s+");
    // A picture of the "@" sign, by its alt text or its file name; most pictures (photos, logos) hold none of the words.
    static final GuardedPattern AT_IMAGE_ALT = new GuardedPattern("(?i)@|＠|\\[?\\(?at\\)?]?|arobase|at[- ]?sign|atmark|골뱅이",
            "@", "＠", "at", "arobase", "골뱅이");
    static final GuardedPattern AT_IMAGE_SRC = new GuardedPattern(
            "(?i)(?:^|/)(?:at|arobase|at[-_]?sign|atmark|at[-_]?symbol)\\.(?:png|gif|jpe?g|svg)(?:$|\\?)", "at", "arobase");
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)^(info|webmaster|web|admin|administrator|office|contact|support|help|noreply|no-reply|"
                    + "admissions|dept|department|secretary|enquiries|inquiries|hr|news|media|press|root|postmaster)@.*");

    private static final Pattern SPACED_AT = Pattern.compile("\\s*@\\s*");
    private static final Evaluator RTL = QueryParser.parse("[style*=rtl], [dir=rtl]");
    private static final Evaluator IMAGES = QueryParser.parse("img");

    private Emails() {
    }

    static String deobfuscate(String text) {
        String t = Text.clean(text).replace('＠', '@').replace('．', '.');
        // Each rule only runs when the text has what it needs (a bracket, "AT", "DOT", " at " and " dot ").
        if (hasBracket(t)) {
            t = replaceBracketed(BRACKET_AT, t, "@");
            t = replaceBracketed(BRACKET_DOT, t, ".");
        }
        if (t.contains("AT")) {
            t = WORD_AT.matcher(t).replaceAll("@");
        }
        if (t.contains("DOT")) {
            t = WORD_DOT.matcher(t).replaceAll(".");
        }
        if (!t.contains(" at ") || !t.contains(" dot ")) {
            return t; // after clean() every whitespace run is one space, so SPOKEN cannot match
        }
        Matcher spoken = SPOKEN.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (spoken.find()) {
            spoken.appendReplacement(sb, Matcher.quoteReplacement(
                    spoken.group(1) + "@" + SPOKEN_DOT.matcher(spoken.group(2)).replaceAll(".")));
        }
        spoken.appendTail(sb);
        return sb.toString();
    }

    private static boolean hasBracket(String t) {
        for (int i = 0; i < OPENING_BRACKETS.length(); i++) {
            if (t.indexOf(OPENING_BRACKETS.charAt(i)) >= 0) { // vectorised searches, not a look at every character
                return true;
            }
        }
        return false;
    }

    /**
     * {@code pattern.matcher(t).replaceAll(replacement)} for {@link #BRACKET_AT} and {@link #BRACKET_DOT}, which
     * match spaces, then an opening bracket, then anything. Same matches: find() would try the pattern at every
     * position of the text (a whole page's, for a profile); a match can only start at the run of spaces before an
     * opening bracket, so the pattern is tried there, from the run's start (or the previous match's end) as find()
     * would reach it first. The brackets are found by indexOf, not by a look at every character.
     */
    static String replaceBracketed(Pattern pattern, String t, String replacement) {
        Matcher m = pattern.matcher(t);
        StringBuilder out = null;
        int searchFrom = 0;
        int n = t.length();
        NextIndex[] brackets = NextIndex.eachOf(t, OPENING_BRACKETS);
        for (int bracket = NextIndex.first(brackets, 0); bracket >= 0; bracket = NextIndex.first(brackets, bracket + 1)) {
            int start = bracket;
            while (start > searchFrom && isRegexSpace(t.charAt(start - 1))) {
                start--;
            }
            m.region(start, n);
            if (m.lookingAt()) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(t, searchFrom, start).append(replacement);
                searchFrom = m.end();
                bracket = searchFrom - 1;
            }
        }
        return out == null ? t : out.append(t, searchFrom, n).toString();
    }

    /** What {@code \s} matches in a pattern compiled without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Emails in free text (obfuscations undone), lower-cased, in order of appearance, de-duplicated. Read in the
     * {@link EmailPieces} that may hold one: a profile page's whole text is mostly passed over.
     * {@code PiecewiseEmailsTests} compares it with the whole-text reading ({@link #inWholeText}).
     */
    static List<String> inText(String text) {
        Set<String> out = new LinkedHashSet<>();
        EmailSigns signs = null;
        for (int[] piece : EmailPieces.of(text)) {
            if (signs == null) {
                signs = new EmailSigns(text);
            }
            if (signs.mayYieldAt(piece[0], piece[1])) {
                addInPiece(piece[0] == 0 && piece[1] == text.length() ? text : text.substring(piece[0], piece[1]), out);
            }
        }
        return new ArrayList<>(out);
    }

    /** The whole-text reading of {@link #inText}: every rule over the whole text, no piece or sign skipped. */
    static List<String> inWholeText(String text) {
        Set<String> out = new LinkedHashSet<>();
        addInPiece(text, out);
        return new ArrayList<>(out);
    }

    private static void addInPiece(String text, Set<String> out) {
        String t = deobfuscate(text);
        // The matches of repeated EMAIL.matcher(t).find(), each from the end of the one before.
        for (int[] m = EmailShape.find(t, 0); m != null; m = EmailShape.find(t, m[1])) {
            out.add(t.substring(m[0], m[1]).toLowerCase(Locale.ROOT));
        }
    }

    /** mailto links first (the most deliberate signal), then anything written in the text. */
    static List<String> in(Element scope) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : PageIndex.select(scope, Css.LINKS)) {
            String email = fromMailto(a.attr("href"));
            if (email != null) {
                out.add(email);
            }
        }
        // Line by line first, so a title in the span before an address is not glued onto it; the whole
        // text only when no line holds one ("jane <span>[at]</span> uni.edu" spans several elements).
        List<String> byLine = new ArrayList<>();
        for (String line : PageIndex.linesOf(scope)) {
            byLine.addAll(inText(line));
        }
        out.addAll(byLine.isEmpty() ? inText(readableText(scope)) : byLine);
        if (!byLine.isEmpty()) {
            for (String email : inText(readableText(scope))) {
                if (!endsWithOneOf(email, byLine)) {
                    out.add(email);
                }
            }
        }
        // Text shown right-to-left with bidi-override reads as an address only when reversed back.
        for (Element rtl : PageIndex.select(scope, RTL)) {
            out.addAll(inText(new StringBuilder(PageIndex.textOf(rtl)).reverse().toString()));
        }
        return new ArrayList<>(out);
    }

    private static boolean endsWithOneOf(String email, List<String> endings) {
        for (String ending : endings) {
            if (email.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** The text a reader sees, with an "@" picture (user<img alt="at">host) read as the sign it shows. */
    private static String readableText(Element scope) {
        if (!hasAtSignImage(scope)) {
            return PageIndex.textOf(scope);
        }
        Element copy = scope.clone();
        for (Element img : copy.select(IMAGES)) {
            if (isAtSign(img)) {
                img.replaceWith(new TextNode("@"));
            }
        }
        // Joining "user", "@" and "host" text nodes must not leave spaces around the sign.
        return SPACED_AT.matcher(copy.text()).replaceAll("@");
    }

    /** Whether any picture in scope shows an "@" (a loop that stops at the first: most blocks have none, some many). */
    private static boolean hasAtSignImage(Element scope) {
        for (Element img : PageIndex.select(scope, IMAGES)) {
            if (isAtSign(img)) {
                return true;
            }
        }
        return false;
    }

    static boolean isAtSign(Element img) {
        return AT_IMAGE_ALT.matches(img.attr("alt").trim()) || AT_IMAGE_SRC.find(img.attr("src"));
    }

    /** The address in a mailto: href (query stripped, percent-decoded), lower-cased, or null. */
    public static String fromMailto(String href) {
        String h = Text.clean(href);
        if (!h.regionMatches(true, 0, "mailto:", 0, 7)) {
            return null;
        }
        String addr = h.substring(7);
        int q = addr.indexOf('?');
        if (q >= 0) {
            addr = addr.substring(0, q);
        }
        try {
            addr = URLDecoder.decode(addr.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
            // keep the raw text; the pattern check below decides
        }
        String t = deobfuscate(addr);
        int[] m = EmailShape.find(t, 0); // EMAIL.matcher(t).find()
        return m == null ? null : t.substring(m[0], m[1]).toLowerCase(Locale.ROOT);
    }

    /** Role accounts (info@, office@) belong to the department, not to a person. */
    static boolean isGeneric(String email) {
        return GENERIC.matcher(email).matches();
    }

    /** Picks the address that best fits a person's name (local part contains a name token), else the first. */
    static String bestFor(List<String> emails, String name) {
        List<String> personal = new ArrayList<>(emails.size());
        for (String email : emails) {
            if (!isGeneric(email)) {
                personal.add(email);
            }
        }
        if (personal.isEmpty()) {
            return null;
        }
        if (name != null) {
            List<String> tokens = nameTokens(name.toLowerCase(Locale.ROOT));
            for (String email : personal) {
                String local = email.substring(0, email.indexOf('@'));
                for (String token : tokens) {
                    if (local.contains(token)) {
                        return email;
                    }
                }
            }
        }
        return personal.get(0);
    }

    /**
     * The name's words that can stand for it in an address: split at {@code [\s.'’-]+}, the ASCII ones of three
     * letters or more, in order.
     */
    private static List<String> nameTokens(String name) {
        List<String> tokens = new ArrayList<>(4);
        int start = 0;
        boolean ascii = true;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            if (isNameTokenSeparator(c)) {
                if (i - start >= 3 && ascii) {
                    tokens.add(name.substring(start, i));
                }
                start = i + 1;
                ascii = true;
            } else if (c >= 128) {
                ascii = false;
            }
        }
        return tokens;
    }

    /** One of {@code [\s.'’-]}: a regex's {@code \s} (ASCII whitespace), a full stop, an apostrophe or a hyphen. */
    private static boolean isNameTokenSeparator(char c) {
        return isRegexSpace(c) || c == '.' || c == '\'' || c == '’' || c == '-';
    }
}
