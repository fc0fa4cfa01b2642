/**
 * The window and its wiring: {@link io.digitstudio.ui.app.DigitStudioApp}, {@link io.digitstudio.ui.app.AppServices} (workers, dialogs, the model manager), the real executor and dialogs, and the toasts. Features never import this package.
 */
package io.digitstudio.ui.app;
