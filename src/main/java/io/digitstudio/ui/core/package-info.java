/**
 * What every feature may use and nothing else defines: the {@link io.digitstudio.ui.core.TaskExecutor} for background
 * work, the {@link io.digitstudio.ui.core.DialogService} for pickers and notifications, saving files and one-line
 * messages. No JavaFX controls here; the app supplies the real implementations, tests their own.
 */
package io.digitstudio.ui.core;
