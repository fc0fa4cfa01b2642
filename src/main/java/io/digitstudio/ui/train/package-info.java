/**
 * The Train view: {@link io.digitstudio.ui.train.TrainView} with its settings form ({@link io.digitstudio.ui.train.SettingsPane}
 * over {@link io.digitstudio.ui.train.TrainSettings}, its data chosen and read by a
 * {@link io.digitstudio.ui.train.DataPicker}), the run's life ({@link io.digitstudio.ui.train.RunControl}) and its
 * presentation ({@link io.digitstudio.ui.train.RunPresenter}), fed by a {@link io.digitstudio.ui.train.TrainingFeed} that
 * carries the training thread's events to the UI thread without flooding it.
 */
package io.digitstudio.ui.train;
