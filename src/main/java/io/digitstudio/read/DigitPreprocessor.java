package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares any picture of a digit the way MNIST's digits were prepared (LeCun's MNIST page), so a model trained on
 * MNIST reads it as it reads MNIST:
 * <ol>
 *   <li>the ink separated from the paper ({@link InkFinder}: either polarity, uneven light, coloured ink and paper,
 *       noise), bright on dark, its anti-aliased grey levels kept; dots and specks dropped ({@link DigitSegmenter});</li>
 *   <li>cropped to the ink's bounding box;</li>
 *   <li>the stroke brought near MNIST's width when it is far off (a hair-thin pen, a fat marker);</li>
 *   <li>the longer side scaled to 20 pixels keeping the aspect ratio, with area averaging (anti-aliased, not
 *       binarised);</li>
 *   <li>placed in a 28x28 field so that its centre of mass sits at the centre.</li>
 * </ol>
 * The steps are public so that tests and the UI can show each one, and a {@link Watcher} is shown the picture after
 * each of them as the very call that prepares the input makes it.
 */
public final class DigitPreprocessor {
    public static final int SIZE = 28;
    public static final int BOX = 20;
    /** Normalised ink above this counts for the bounding box; fainter is treated as background noise. */
    static final float INK_THRESHOLD = 0.05f;

    private DigitPreprocessor() {
    }

    /** Strokes are measured and adjusted with the digit's longer side at this many pixels (four per input pixel). */
    static final int CANON = 4 * BOX;
    /**
     * MNIST's stroke width at {@link #CANON} scale: the median of {@link #strokeWidth} over the first 10,000 training
     * digits (measured once; {@code DigitPreprocessorTest} checks it against MNIST's digits).
     */
    static final double MNIST_STROKE = 10.5;

    /** The stages a picture goes through on its way to the network, in order. */
    public enum Step {
        SOURCE("strokes or picture"), INK("ink found"), CROPPED("cropped"), STROKE("stroke width matched"),
        FITTED("fitted to 20 px"), CENTRED("centred by mass"), INPUT("28×28");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        /** What the Draw view calls the stage. */
        public String title() {
            return title;
        }

        /**
         * Each form of detail this step reports, with its widest figures: a view that keeps their room from the start
         * moves nothing when the first detail comes.
         */
        public List<String> widestDetails() {
            return switch (this) {
                // a photo of up to 99,999 pixels a side
                case SOURCE, CROPPED -> List.of(size(88888, 88888));
                case INK -> List.of(INK_DETAIL);
                // stroke widths at 80 px tall stay under 100 px
                case STROKE -> List.of(kept(88.8), THINNING_ERASES, matched(true, 88.8, 88.8), matched(false, 88.8, 88.8));
                case FITTED -> List.of(size(88, 88));
                case CENTRED -> {
                    List<String> out = new ArrayList<>();
                    // a shift within the 28 px field: two figures at most
                    for (int dx : new int[]{-88, 0, 88}) for (int dy : new int[]{-88, 0, 88}) out.add(shifted(dx, dy));
                    yield out;
                }
                case INPUT -> List.of(INPUT_DETAIL);
            };
        }
    }

    private static final String INK_DETAIL = "bright on dark";
    private static final String INPUT_DETAIL = "what the network sees";
    private static final String THINNING_ERASES = "kept: thinning would erase it";

    private static String size(int w, int h) {
        return w + "×" + h + " px";
    }

    private static String kept(double width) {
        return String.format(java.util.Locale.ROOT, "kept %.1f px (MNIST %.1f)", width, MNIST_STROKE);
    }

    private static String matched(boolean thicker, double from, double to) {
        return String.format(java.util.Locale.ROOT, "%s %.1f → %.1f px", thicker ? "thickened" : "thinned", from, to);
    }

    private static String shifted(int dx, int dy) {
        return shift(dx, "right", "left") + ", " + shift(dy, "down", "up");
    }

    /** One stage's picture and what the stage did, in a few words ("thickened 3.1 → 10.4 px", stroke widths at 80 px tall). */
    public record Stage(Step step, GreyImage image, String detail) {
    }

    /** Told of each stage's picture while a digit is prepared; null watchers are allowed and cost nothing. */
    @FunctionalInterface
    public interface Watcher {
        void stage(Stage stage);
    }

    private static void tell(Watcher w, Step step, GreyImage image, String detail) {
        if (w != null) w.stage(new Stage(step, image, detail));
    }

    /** The 784 values (row by row, in [0, 1]) the model takes, for a grey picture (a drawing, a scan). */
    public static float[] toMnist(GreyImage image) {
        return toMnist(RgbImage.of(image));
    }

    /** {@link #toMnist(GreyImage)}, showing {@code watcher} every stage from the picture on. */
    public static float[] toMnist(GreyImage image, Watcher watcher) {
        return toMnist(RgbImage.of(image), watcher);
    }

    /** The 784 values (row by row, in [0, 1]) the model takes, for a picture of one digit. */
    public static float[] toMnist(RgbImage image) {
        return toMnist(image, null);
    }

    /** {@link #toMnist(RgbImage)}, showing {@code watcher} every stage from the picture on. */
    public static float[] toMnist(RgbImage image, Watcher watcher) {
        tell(watcher, Step.SOURCE, image.grey(), size(image.width(), image.height()));
        InkMap map = InkFinder.find(image);
        tell(watcher, Step.INK, map.asGrey(), INK_DETAIL);
        return fromInk(DigitSegmenter.single(map), watcher);
    }

    /** Steps 2-5 for ink already separated (bright on black), such as one digit cut from a number. */
    public static float[] fromInk(GreyImage ink) {
        return fromInk(ink, null);
    }

    /** {@link #fromInk(GreyImage)}, showing {@code watcher} the picture after each step (cropped on). */
    public static float[] fromInk(GreyImage ink, Watcher watcher) {
        GreyImage cropped = crop(ink, boundingBox(ink));
        tell(watcher, Step.CROPPED, cropped, size(cropped.width(), cropped.height()));
        GreyImage fitted = normalizeStroke(cropped, watcher);
        tell(watcher, Step.FITTED, fitted, size(fitted.width(), fitted.height()));
        GreyImage input = centerByMass(fitted, watcher);
        tell(watcher, Step.INPUT, input, INPUT_DETAIL);
        return input.pixels();
    }

    /**
     * Step 3 and 4: scaled so the longer side is {@link #BOX}; a stroke far thinner or thicker than MNIST's is first
     * grown or thinned (grey dilation or erosion over a disk, at four times the final scale) to near MNIST's width.
     */
    public static GreyImage normalizeStroke(GreyImage cropped) {
        return normalizeStroke(cropped, null);
    }

    private static GreyImage normalizeStroke(GreyImage cropped, Watcher watcher) {
        GreyImage canon = scaleLongerSideTo(cropped, CANON);
        double width = strokeWidth(canon);
        int radius = 0;
        if (width > 0 && width < 0.65 * MNIST_STROKE) radius = (int) Math.round((MNIST_STROKE - width) / 2);
        else if (width > 1.6 * MNIST_STROKE) radius = -(int) Math.round((width - MNIST_STROKE) / 2);
        if (radius == 0) {
            tell(watcher, Step.STROKE, canon, kept(width));
            return scaleLongerSideTo(cropped, BOX);
        }
        int r = Math.abs(radius);
        // room around the digit for a grown stroke, so dilation does not run into the crop's edge
        GreyImage padded = pad(canon, radius > 0 ? r : 0);
        GreyImage adjusted = new GreyImage(padded.width(), padded.height(),
                Filters.diskFilter(padded.pixels(), padded.width(), padded.height(), r, radius > 0));
        int[] box;
        try {
            box = boundingBox(adjusted);
        } catch (DataException e) {
            tell(watcher, Step.STROKE, canon, THINNING_ERASES);
            return scaleLongerSideTo(cropped, BOX); // thinning took everything: keep the stroke as drawn
        }
        GreyImage matched = crop(adjusted, box);
        tell(watcher, Step.STROKE, matched, matched(radius > 0, width, strokeWidth(scaleLongerSideTo(matched, CANON))));
        return scaleLongerSideTo(matched, BOX);
    }

    private static GreyImage pad(GreyImage img, int m) {
        if (m == 0) return img;
        int w = img.width() + 2 * m, h = img.height() + 2 * m;
        float[] out = new float[w * h];
        for (int y = 0; y < img.height(); y++) System.arraycopy(img.pixels(), y * img.width(), out, (y + m) * w + m, img.width());
        return new GreyImage(w, h, out);
    }

    /**
     * The stroke width of a digit's ink the way the preparation judges it: cropped to its box and measured with the
     * longer side at {@value #CANON} pixels (MNIST's digits measure about {@value #MNIST_STROKE} so).
     */
    public static double canonStrokeWidth(GreyImage ink) {
        return strokeWidth(scaleLongerSideTo(crop(ink, boundingBox(ink)), CANON));
    }

    /**
     * Typical stroke width in pixels: twice the median distance to the background along the strokes' middle lines
     * (pixels at least as far from the background as their neighbours), strokes being the pixels above half ink. Zero
     * when there are no strokes.
     */
    public static double strokeWidth(GreyImage img) {
        int w = img.width(), h = img.height();
        float[] d = new float[w * h];
        float inf = w + h;
        for (int i = 0; i < d.length; i++) d[i] = img.pixels()[i] >= 0.5f ? inf : 0f;
        // chamfer distance (1, sqrt 2), two passes; outside the picture is background
        float diag = (float) Math.sqrt(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (d[i] == 0) continue;
                float m = Math.min(x > 0 ? d[i - 1] + 1 : 1, y > 0 ? d[i - w] + 1 : 1);
                m = Math.min(m, (x > 0 && y > 0) ? d[i - w - 1] + diag : diag);
                m = Math.min(m, (x < w - 1 && y > 0) ? d[i - w + 1] + diag : diag);
                d[i] = Math.min(d[i], m);
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (d[i] == 0) continue;
                float m = Math.min(x < w - 1 ? d[i + 1] + 1 : 1, y < h - 1 ? d[i + w] + 1 : 1);
                m = Math.min(m, (x < w - 1 && y < h - 1) ? d[i + w + 1] + diag : diag);
                m = Math.min(m, (x > 0 && y < h - 1) ? d[i + w - 1] + diag : diag);
                d[i] = Math.min(d[i], m);
            }
        }
        java.util.List<Float> ridge = new java.util.ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = d[y * w + x];
                if (v == 0) continue;
                boolean top = true;
                for (int dy = -1; dy <= 1 && top; dy++) {
                    for (int dx = -1; dx <= 1 && top; dx++) {
                        int xx = x + dx, yy = y + dy;
                        if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h && d[yy * w + xx] > v) top = false;
                    }
                }
                if (top) ridge.add(v);
            }
        }
        if (ridge.isEmpty()) return 0;
        java.util.Collections.sort(ridge);
        return 2.0 * ridge.get(ridge.size() / 2);
    }

    /** Step 3: {x0, y0, x1, y1} (exclusive ends) of the pixels with ink. */
    public static int[] boundingBox(GreyImage ink) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (ink.get(x, y) > INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) throw new DataException("no digit found: the image has no ink (it is blank)");
        return new int[]{x0, y0, x1 + 1, y1 + 1};
    }

    public static GreyImage crop(GreyImage img, int[] box) {
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(img.pixels(), (box[1] + y) * img.width() + box[0], out, y * w, w);
        return new GreyImage(w, h, out);
    }

    /** Step 4: the longer side becomes {@code target} pixels; shrinking averages areas, enlarging interpolates. */
    public static GreyImage scaleLongerSideTo(GreyImage img, int target) {
        int w = img.width();
        int h = img.height();
        double s = (double) target / Math.max(w, h);
        int nw = Math.max(1, Math.min(target, (int) Math.round(w * s)));
        int nh = Math.max(1, Math.min(target, (int) Math.round(h * s)));
        if (nw == w && nh == h) return img;
        return s < 1 ? areaAverage(img, nw, nh) : bilinear(img, nw, nh);
    }

    private static GreyImage areaAverage(GreyImage img, int nw, int nh) {
        int w = img.width();
        int h = img.height();
        double sx = (double) w / nw;
        double sy = (double) h / nh;
        float[] out = new float[nw * nh];
        for (int ty = 0; ty < nh; ty++) {
            double fy0 = ty * sy, fy1 = fy0 + sy;
            for (int tx = 0; tx < nw; tx++) {
                double fx0 = tx * sx, fx1 = fx0 + sx;
                double sum = 0;
                for (int y = (int) fy0; y < Math.min(h, Math.ceil(fy1)); y++) {
                    double wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
                    if (wy <= 0) continue;
                    for (int x = (int) fx0; x < Math.min(w, Math.ceil(fx1)); x++) {
                        double wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
                        if (wx > 0) sum += wx * wy * img.pixels()[y * w + x];
                    }
                }
                out[ty * nw + tx] = (float) (sum / (sx * sy));
            }
        }
        return new GreyImage(nw, nh, out);
    }

    private static GreyImage bilinear(GreyImage img, int nw, int nh) {
        int w = img.width();
        int h = img.height();
        float[] out = new float[nw * nh];
        for (int ty = 0; ty < nh; ty++) {
            double y = (ty + 0.5) * h / nh - 0.5;
            for (int tx = 0; tx < nw; tx++) {
                double x = (tx + 0.5) * w / nw - 0.5;
                out[ty * nw + tx] = (float) img.sample(x, y);
            }
        }
        return new GreyImage(nw, nh, out);
    }

    /** Step 5: into 28x28 with the centre of mass at the centre (whole-pixel shift, kept inside the field). */
    public static GreyImage centerByMass(GreyImage img) {
        return centerByMass(img, null);
    }

    /**
     * The watcher sees the digit placed by its box (its box's centre at the field's centre) with the shift that then
     * puts its mass at the centre.
     */
    private static GreyImage centerByMass(GreyImage img, Watcher watcher) {
        int w = img.width();
        int h = img.height();
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = img.get(x, y);
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        double cx = mass > 0 ? mx / mass : w / 2.0;
        double cy = mass > 0 ? my / mass : h / 2.0;
        int ox = clamp((int) Math.round(SIZE / 2.0 - cx), 0, SIZE - w);
        int oy = clamp((int) Math.round(SIZE / 2.0 - cy), 0, SIZE - h);
        if (watcher != null) {
            int bx = (SIZE - w) / 2, by = (SIZE - h) / 2;
            tell(watcher, Step.CENTRED, place(img, bx, by), shifted(ox - bx, oy - by));
        }
        return place(img, ox, oy);
    }

    private static String shift(int d, String plus, String minus) {
        return d == 0 ? (plus.equals("right") ? "not sideways" : "not up or down") : Math.abs(d) + " px " + (d > 0 ? plus : minus);
    }

    private static GreyImage place(GreyImage img, int ox, int oy) {
        int w = img.width();
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < img.height(); y++) System.arraycopy(img.pixels(), y * w, out, (oy + y) * SIZE + ox, w);
        return new GreyImage(SIZE, SIZE, out);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
