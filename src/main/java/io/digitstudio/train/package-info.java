/**
 * The training loop of Chainer's tutorial as plain code ({@link io.digitstudio.train.TrainingLoop}): next batch,
 * forward through the {@link io.digitstudio.nn.Network} the run's spec describes, softmax cross entropy, cleargrads, backward, update, and after each epoch an
 * {@link io.digitstudio.train.Evaluator} pass over the test set. Everything that watches a run (the CLI's lines and
 * progress bar, the GUI's charts, checkpoints) is a {@link io.digitstudio.train.TrainingListener}.
 */
package io.digitstudio.train;
