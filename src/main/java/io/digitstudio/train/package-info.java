/**
 * The training loop of Chainer's tutorial as plain code ({@link io.digitstudio.train.TrainingLoop}): next batch,
 * forward through the {@link io.digitstudio.nn.Network} the run's spec describes, softmax cross entropy, cleargrads, backward, update, and after each epoch an
 * {@link io.digitstudio.train.Evaluator} pass over the test set. Everything beyond the tutorial's loop attaches as an
 * {@link io.digitstudio.train.Extension} with a {@link io.digitstudio.train.Trigger}, reading the observations the loop
 * reports: schedules ({@link io.digitstudio.train.ExponentialShift}, {@link io.digitstudio.train.LinearShift},
 * {@link io.digitstudio.train.MultistepShift}, {@link io.digitstudio.train.WarmupShift}), Chainer's
 * {@link io.digitstudio.train.LogReport}, {@link io.digitstudio.train.KeepBest}, and a stop trigger such as
 * {@link io.digitstudio.train.EarlyStoppingTrigger}; {@link io.digitstudio.train.RunOptions} names them as the command
 * line does. What watches a run (the CLI's lines and progress bar, the window's feed, the smoothed training-loss
 * curve {@link io.digitstudio.train.LossCurve} the window draws and the run record keeps, snapshots, the run record) is
 * an extension too, reading the loop's {@link io.digitstudio.train.Reporter}.
 */
package io.digitstudio.train;
