import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws an email address as a PNG, the way some university pages show addresses to keep them from
 * harvesters. The demo university's Mathematics page uses these images (demo-site/math/email/).
 * Plain black text on white, 16 px sans-serif, a few pixels of margin: what OCR reads best.
 *
 * <pre>java dev-stack/demo-tools/EmailImage.java a.noether@hanbit.example.edu out.png</pre>
 */
public final class EmailImage {
    private static final int FONT_PX = 16;
    private static final int MARGIN = 4;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java EmailImage.java ADDRESS OUT.png");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_PX);
        // Measure on a scratch image first: the final size depends on the text.
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = scratch.getFontMetrics(font);
        int width = metrics.stringWidth(args[0]) + 2 * MARGIN;
        int height = metrics.getAscent() + metrics.getDescent() + 2 * MARGIN;
        scratch.dispose();

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(font);
        // Grey-scale antialiasing only: coloured subpixel fringes do not help OCR.
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.drawString(args[0], MARGIN, MARGIN + metrics.getAscent());
        g.dispose();
        if (!ImageIO.write(image, "png", new File(args[1]))) {
            throw new IOException("no PNG writer");
        }
    }
}
