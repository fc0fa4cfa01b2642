/**
 * The desktop app (JavaFX + ControlsFX): {@code app} wires the window and the background workers, {@code train} is the
 * click-to-train view, {@code charts} the live charts, {@code samples} the MNIST gallery, {@code draw} the
 * draw-and-classify canvas and {@code model} the active model and its files. Each view has a view model holding its
 * state; the engine never sees JavaFX.
 */
package io.digitstudio.ui;
