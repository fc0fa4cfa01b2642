/**
 * The active model and its one owner, {@link io.digitstudio.ui.model.ModelManager} (open, save, recent files, the built-in model, adopting a trained one).
 */
package io.digitstudio.ui.model;
