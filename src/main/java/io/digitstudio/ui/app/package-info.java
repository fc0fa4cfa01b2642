/**
 * The window and its wiring: {@link io.digitstudio.ui.app.DigitStudioApp}, {@link io.digitstudio.ui.app.AppServices} (workers, dialogs, the model manager), the real executor and dialogs, and the scripted screenshot, GUI-bench and memory-story modes. Features never import this package.
 */
package io.digitstudio.ui.app;
