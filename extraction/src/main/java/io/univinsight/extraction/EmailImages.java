package io.univinsight.extraction;

import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * An address drawn as a picture so that harvesters cannot read it: an {@code <img>} inside a person's
 * record whose file name, alt or title says mail, or that follows an email label ("E-mail:", "邮箱：").
 * Only the image's absolute URL comes out; reading it (OCR) and deciding whether the reading is an
 * address is the crawler's job.
 */
final class EmailImages {
    /** "mail" as a word part of a file name, alt or title ("email.png", "prof-mail.gif", "E-Mail address"). */
    private static final Pattern SAYS_MAIL = Pattern.compile(
            "(?i).*(?:e-?mail|(?:^|[^a-z])mail(?:[^a-z]|$)|邮箱|郵箱|电子邮件|電子郵件|メール|이메일|courriel|correo).*");
    /** The label a record puts right before its address: the text before the image must end with it. */
    private static final Pattern EMAIL_LABEL = Pattern.compile(
            "(?i).*(?:^|[^\\p{L}])(?:e-?mail(?:\\s+address)?|mail|邮箱|郵箱|电子邮箱|電子郵箱|电子邮件|電子郵件|メール(?:アドレス)?"
                    + "|이메일|courriel|correo(?:\\s+electrónico)?)\\s*[:：]?\\s*$");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");
    private static final Evaluator MAILTO_LINK = QueryParser.parse("a[href^=mailto:]");
    /** Text read back from the image towards the label; a label further away than this is not this image's. */
    private static final int MAX_LABEL_DISTANCE = 40;

    private EmailImages() {
    }

    /** The first email image of the record (outside page chrome), as an absolute URL, or null. */
    static String in(Element record) {
        for (Element img : PageIndex.select(record, IMAGES)) {
            if (isEmailImage(img, record) && !Layout.inChrome(img)) {
                String url = AbsoluteUrls.of(img, "src");
                if (url.startsWith("http://") || url.startsWith("https://")) {
                    return url;
                }
            }
        }
        return null;
    }

    static boolean isEmailImage(Element img, Element record) {
        if (Emails.isAtSign(img) || img.closest(MAILTO_LINK) != null) {
            return false; // an "@" picture inside a text address, or a link whose address is read already
        }
        return saysMail(img) || EMAIL_LABEL.matcher(textBefore(img, record)).matches();
    }

    private static boolean saysMail(Element img) {
        String src = img.attr("src");
        int q = src.indexOf('?');
        String file = (q >= 0 ? src.substring(0, q) : src);
        file = file.substring(file.lastIndexOf('/') + 1);
        return !file.startsWith("data:") && SAYS_MAIL.matcher(file).matches()
                || SAYS_MAIL.matcher(img.attr("alt")).matches() || SAYS_MAIL.matcher(img.attr("title")).matches();
    }

    /**
     * The text right before the image inside the record, nearest last ("Email: " in {@code <b>Email:</b> <img>},
     * or in the label cell of {@code <th>Email</th><td><img></td>}); only as much as a label needs.
     */
    static String textBefore(Element img, Element record) {
        StringBuilder reversed = new StringBuilder();
        for (Node n = img; n != null && n != record; n = n.parent()) {
            for (Node sib = n.previousSibling(); sib != null; sib = sib.previousSibling()) {
                String text = sib instanceof TextNode t ? t.text() : sib instanceof Element e ? e.text() : "";
                reversed.insert(0, text);
                if (reversed.toString().strip().length() >= MAX_LABEL_DISTANCE) {
                    return reversed.toString().strip();
                }
            }
            if (!reversed.toString().isBlank()) {
                break; // the nearest text there is decides: "Email:" two cells away is another field's label
            }
        }
        return reversed.toString().strip();
    }
}
