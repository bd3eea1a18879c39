package io.univinsight.crawler.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Pictures of addresses as sites draw them to keep harvesters off: the text in one font and size, dark
 * grey on white, anti-aliased with fractional glyph advances (as browsers and FreeType lay text out), a
 * few pixels of margin, as PNG.
 */
public final class EmailPictures {
    private EmailPictures() {
    }

    public static byte[] png(String text, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        hints(pg);
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        int w = fm.stringWidth(text) + 6;
        int h = fm.getHeight() + 4;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        hints(g);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.setFont(font);
        g.drawString(text, 3, 2 + fm.getAscent());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }
}
