package io.digitstudio.ui.widgets;

import io.digitstudio.io.AtomicFiles;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** Saves what a node shows as a PNG (atomically, like every save in the app). */
public final class ChartExport {
    private ChartExport() {
    }

    /** Takes the picture; call on the FX thread. */
    public static java.awt.image.BufferedImage snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage img = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    /** Encodes and writes the picture; any thread (the app uses its compute worker). */
    public static void write(java.awt.image.BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    /** Both steps at once, on the FX thread (for scripted screenshots). */
    public static void png(Node node, Path file) throws IOException {
        write(snapshot(node), file);
    }
}
