/**
 * The run history: every training run, from the app or the command line, recorded in a folder of its own (settings,
 * Chainer's {@code log}, status, the final and the best model, each validation's confusion matrix, the user's name and
 * notes), listed, compared, exported and deleted. Depends on {@code train}, {@code io}, {@code nn} and {@code data};
 * the app and the command line use it.
 */
package io.digitstudio.runs;
