/**
 * The Train view: {@link io.digitstudio.ui.train.TrainView} over {@link io.digitstudio.ui.train.TrainViewModel}, fed by a {@link io.digitstudio.ui.train.TrainingFeed} that carries the training thread's events to the FX thread without flooding it.
 */
package io.digitstudio.ui.train;
