/**
 * The active model and its one owner, {@link io.digitstudio.ui.model.ModelManager} (open, save, recent files, the built-in model, adopting a trained one),
 * and what it keeps between launches: {@link io.digitstudio.ui.model.RecentModels} and {@link io.digitstudio.ui.model.ModelMemory}.
 */
package io.digitstudio.ui.model;
