package io.digitstudio.ui.charts;

import io.digitstudio.io.AtomicFiles;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** Saves what a node shows as a PNG (atomically, like every save in the app). Call on the FX thread. */
public final class ChartExport {
    private ChartExport() {
    }

    public static void png(Node node, Path file) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage img = node.snapshot(p, null);
        var buffered = SwingFXUtils.fromFXImage(img, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
