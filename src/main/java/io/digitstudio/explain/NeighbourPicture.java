package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.io.AtomicFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command line's picture of a neighbourhood: the query as the network sees it, then its nearest training images
 * in a row, each under its label and distance (a label other than the answer in orange), and the verdict beneath.
 */
public final class NeighbourPicture {
    static final int SCALE = 3;
    static final int TILE = 28 * SCALE;
    static final int GAP = 10;
    static final int CAPTION = 18;
    private static final Color OTHER = new Color(0xD9, 0x77, 0x06);
    private static final Color TEXT = new Color(0x1F, 0x29, 0x37);

    private NeighbourPicture() {
    }

    public static BufferedImage render(float[] query, Neighbourhood h, LabeledImages train, List<String> classNames) {
        int k = h.neighbours().size();
        int w = GAP + (k + 1) * (TILE + GAP) + GAP;
        int hgt = GAP + CAPTION + TILE + GAP + CAPTION + GAP;
        BufferedImage img = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, hgt);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int y = GAP + CAPTION;
            caption(g, "answer " + classNames.get(h.answer()), GAP, y - 5, TEXT);
            tile(img, query, GAP, y);
            float[] x = new float[train.featureSize()];
            for (int i = 0; i < k; i++) {
                Neighbour n = h.neighbours().get(i);
                int x0 = GAP + (i + 1) * (TILE + GAP) + GAP;
                train.copyFeatures(n.index(), x, 0);
                tile(img, x, x0, y);
                Color c = n.label() == h.answer() ? TEXT : OTHER;
                caption(g, classNames.get(n.label()) + String.format(Locale.ROOT, " · %.2f", n.distance()), x0, y - 5, c);
                if (n.label() != h.answer()) {
                    g.setColor(OTHER);
                    g.setStroke(new BasicStroke(2));
                    g.drawRect(x0 - 1, y - 1, TILE + 1, TILE + 1);
                }
            }
            caption(g, h.verdict(classNames), GAP, y + TILE + GAP + CAPTION - 4, h.disagrees() ? OTHER : TEXT);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void caption(Graphics2D g, String text, int x, int y, Color c) {
        g.setColor(c);
        g.drawString(text, x, y);
    }

    /** A 28x28 input in grey, white ink on black as MNIST has it. */
    private static void tile(BufferedImage img, float[] v, int x0, int y0) {
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int grey = Math.round(255 * Math.max(0, Math.min(1, v[y * 28 + x])));
                int rgb = grey << 16 | grey << 8 | grey;
                for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) img.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, rgb);
            }
        }
    }

    /** Writes the picture as a PNG, atomically. */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        });
    }
}
