/** The Evaluate view: the active model's confusion matrix, per-class table and most-confused pairs on a dataset. */
package io.digitstudio.ui.evaluate;
