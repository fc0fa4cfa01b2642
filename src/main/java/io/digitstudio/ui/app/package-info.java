/**
 * The window and its wiring: {@link io.digitstudio.ui.app.DigitStudioApp}, the shared {@link io.digitstudio.ui.app.AppContext} (workers, active model, dialogs, notifier), and the scripted screenshot and GUI-bench modes.
 */
package io.digitstudio.ui.app;
