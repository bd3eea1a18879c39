package io.univinsight.crawler.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.config.Executables;
import io.univinsight.crawler.fetch.FetchedPage;

/**
 * The OCR benchmark: 72 pictures of addresses generated here (six fonts, plain and bold, 11 to 20 px;
 * dots, digits, hyphens, underscores, subdomains, country suffixes) read by the real reader and
 * tesseract on a page of the address's university, and 24 pictures of addresses of other domains on the
 * same pages. At least 95% read exactly, and not one wrong address accepted. Skipped without tesseract.
 */
class EmailImageOcrIT {
    /** Address and the host of the page that shows it. */
    private static final String[][] ADDRESSES = {
            {"jane.doe@cs.example.edu", "www.example.edu"}, {"k.tanaka@example.edu", "www.example.edu"},
            {"m-li2@ee.example.edu", "ee.example.edu"}, {"zhang.wei@example.edu", "people.example.edu"},
            {"o.jensen@chem.example.edu", "chem.example.edu"}, {"r.kumar-singh@example.edu", "www.example.edu"},
            {"lee07@example.edu", "www.example.edu"}, {"anna.m.novak@math.example.edu", "math.example.edu"},
            {"p.oconnor@example.edu", "www.example.edu"}, {"xu_lin@example.edu", "www.example.edu"},
            {"hs.park@kaist.example.ac.kr", "cs.kaist.example.ac.kr"}, {"w.ooi10@example.edu", "www.example.edu"},
            {"garcia@physics.example.edu", "physics.example.edu"}, {"t.nguyen3@example.edu", "www.example.edu"},
            {"s.becker@informatik.example.de", "www.informatik.example.de"}, {"yamada.k@is.example.ac.jp", "www.is.example.ac.jp"},
            {"j-p.martin@example.fr", "www.example.fr"}, {"chen2019@mail.example.edu.cn", "cs.example.edu.cn"},
            {"d.okafor@example.edu", "www.example.edu"}, {"f.rossi@di.example.it", "www.di.example.it"},
            {"mwilliams@example.edu", "www.example.edu"}, {"e.kowalska@example.pl", "www.example.pl"},
            {"a.b.smith@bio.example.edu", "bio.example.edu"}, {"hugo.leclerc@example.edu", "www.example.edu"}};
    /** Pictures of addresses outside the page's domain family: each must be rejected, however well it is read. */
    private static final String[][] OTHER_DOMAINS = {
            {"jane.doe@gmail.com", "www.example.edu"}, {"k.tanaka@example.com", "www.example.edu"},
            {"lee07@exarnple.edu", "www.example.edu"}, {"o.jensen@chem.other.edu", "chem.example.edu"},
            {"hs.park@other.ac.kr", "cs.kaist.example.ac.kr"}, {"f.rossi@di.example.com", "www.di.example.it"},
            {"d.okafor@example.edu.evil.org", "www.example.edu"}, {"admin@example.org", "www.example.edu"}};
    private static final String[] FONTS = {"SansSerif", "Serif", "Monospaced", "DejaVu Sans", "DejaVu Serif", "Liberation Sans"};
    private static final int[] SIZES = {11, 12, 14, 16, 18, 20};

    @Test
    void picturesOfAddressesAreReadExactlyAndNoWrongAddressIsAccepted() throws Exception {
        Optional<java.nio.file.Path> tesseract = Executables.find(Optional.empty(), List.of("tesseract"));
        Assumptions.assumeTrue(tesseract.isPresent(), "no tesseract on the PATH (Debian: apt-get install tesseract-ocr): OCR benchmark skipped");
        EmailImageReader reader = new EmailImageReader(new Tesseract(tesseract.get(), Duration.ofSeconds(10)), 512 * 1024,
                EmailImageReader.OcrMeter.NONE);
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        int pictures = 0;
        int exact = 0;
        int wrongAccepted = 0;
        int foreign = 0;
        int foreignRejected = 0;
        List<Long> millis = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (String family : FONTS) {
            // A family the machine lacks falls back to Dialog (SansSerif): still a picture, only not of that font.
            String fontName = installed.contains(family) || family.equals("SansSerif") || family.equals("Serif")
                    || family.equals("Monospaced") ? family : "Dialog";
            for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                for (int size : SIZES) {
                    Font font = new Font(fontName, style, size);
                    String[] shown = ADDRESSES[pictures % ADDRESSES.length];
                    long started = System.nanoTime();
                    EmailImageReader.Reading reading = reader.read("http://pictures.test/" + pictures + ".png", "https://" + shown[1] + "/people/",
                            picture(EmailPictures.png(shown[0], font)));
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    pictures++;
                    if (shown[0].equals(reading.email())) {
                        exact++;
                    } else if (reading.email() != null) {
                        wrongAccepted++;
                        misses.add("WRONG " + font.getFontName() + " " + size + ": " + shown[0] + " accepted as " + reading.email());
                    } else {
                        misses.add("rejected " + font.getFontName() + " " + size + ": " + shown[0] + " (" + reading.detail() + ")");
                    }
                    if (size % 2 == 0 && style == Font.BOLD || size == 11) { // a third of the fonts and sizes, every family
                        String[] other = OTHER_DOMAINS[foreign % OTHER_DOMAINS.length];
                        foreign++;
                        EmailImageReader.Reading read = reader.read("http://pictures.test/o" + foreign + ".png", "https://" + other[1] + "/",
                                picture(EmailPictures.png(other[0], font)));
                        if (read.email() == null) {
                            foreignRejected++;
                        } else {
                            wrongAccepted++;
                            misses.add("WRONG other domain accepted: " + other[0] + " as " + read.email() + " on " + other[1]);
                        }
                    }
                }
            }
        }
        Collections.sort(millis);
        double rate = (double) exact / pictures;
        misses.forEach(System.out::println);
        System.out.printf("OCR exact-match: %d/%d = %.2f, wrong accepted: %d, other-domain pictures rejected: %d/%d, median %d ms per image%n",
                exact, pictures, rate, wrongAccepted, foreignRejected, foreign, millis.get(millis.size() / 2));
        assertTrue(pictures >= 60);
        assertEquals(0, wrongAccepted, "no wrong address may be accepted: " + misses);
        assertEquals(foreign, foreignRejected);
        assertTrue(rate >= 0.95, "exact-match rate " + rate + ": " + misses);
    }

    private static EmailImageReader.ImageFetch picture(byte[] png) {
        return (url, maxBytes) -> new FetchedPage(url, url, 200, "image/png", null, png, 0);
    }
}
