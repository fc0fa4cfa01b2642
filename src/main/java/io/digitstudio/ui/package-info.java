/**
 * The desktop app (JavaFX + ControlsFX), the only package that imports them. {@code app} wires the window, the
 * background workers and the dialogs; {@code core} holds what every feature may use ({@code TaskExecutor},
 * {@code DialogService}); {@code model} owns the active model; {@code widgets} holds the charts, digit images and
 * probability bars the views share. The features, one tab each, in the window's order: {@code train}, {@code samples},
 * {@code evaluate}, {@code draw}, {@code mydigits}, {@code inside}, {@code runs}; each is a view over view models that
 * hold its state. Features never import {@code app}; the engine never sees JavaFX.
 */
package io.digitstudio.ui;
