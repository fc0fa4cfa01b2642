import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws DigitStudio's icon in code: a hand-written 7 over a faint 28x28 pixel grid on a teal tile, at the sizes
 * desktops use. Run from the repository root: {@code java installer/MakeIcons.java} (writes assets/icons/).
 */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "assets/icons");
        dir.mkdirs();
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(draw(size), "png", new File(dir, "digitstudio-" + size + ".png"));
        }
    }

    static BufferedImage draw(int s) {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double pad = s * 0.04;
        RoundRectangle2D tile = new RoundRectangle2D.Double(pad, pad, s - 2 * pad, s - 2 * pad, s * 0.22, s * 0.22);
        g.setPaint(new GradientPaint(0, 0, new Color(0x14, 0x8f, 0x85), 0, s, new Color(0x0b, 0x4f, 0x4a)));
        g.fill(tile);
        if (s >= 48) { // the pixel grid only where it can be seen
            g.setClip(tile);
            g.setColor(new Color(255, 255, 255, 28));
            g.setStroke(new BasicStroke((float) Math.max(1, s / 256.0)));
            double cell = (s - 2 * pad) / 14.0;
            for (int i = 1; i < 14; i++) {
                int p = (int) Math.round(pad + i * cell);
                g.drawLine(p, 0, p, s);
                g.drawLine(0, p, s, p);
            }
            g.setClip(null);
        }
        Path2D seven = new Path2D.Double();
        seven.moveTo(s * 0.27, s * 0.28);
        seven.lineTo(s * 0.73, s * 0.26);
        seven.quadTo(s * 0.60, s * 0.45, s * 0.44, s * 0.77);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (s * 0.11), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(seven);
        g.setStroke(new BasicStroke((float) (s * 0.075), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine((int) (s * 0.42), (int) (s * 0.52), (int) (s * 0.64), (int) (s * 0.52));
        g.dispose();
        return img;
    }
}
