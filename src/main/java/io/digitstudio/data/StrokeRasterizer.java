package io.digitstudio.data;


import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders pen strokes into a grey image off any UI thread (Java2D, anti-aliased round pens), so that predicting a drawing needs no
 * snapshot of the canvas it was drawn on. Polarity follows the canvas: white ink on black, or black on white.
 */
public final class StrokeRasterizer {
    private StrokeRasterizer() {
    }

    public static GreyImage render(List<PenStroke> strokes, int width, int height, boolean whiteInk) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(whiteInk ? Color.BLACK : Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(whiteInk ? Color.WHITE : Color.BLACK);
            for (PenStroke s : strokes) {
                g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                List<double[]> p = s.points();
                Path2D.Double path = new Path2D.Double();
                path.moveTo(p.get(0)[0], p.get(0)[1]);
                if (p.size() == 1) path.lineTo(p.get(0)[0] + 0.01, p.get(0)[1]); // a dot
                for (int i = 1; i < p.size(); i++) path.lineTo(p.get(i)[0], p.get(i)[1]);
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        byte[] bytes = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] grey = new float[width * height];
        for (int i = 0; i < grey.length; i++) grey[i] = (bytes[i] & 0xff) / 255f;
        return new GreyImage(width, height, grey);
    }
}
