/**
 * Datasets and how they are walked: {@link io.digitstudio.data.IdxReader} reads and validates IDX files,
 * {@link io.digitstudio.data.Mnist} finds the four MNIST files (bundled or in a folder) and builds
 * {@link io.digitstudio.data.LabeledImages} (each {@link io.digitstudio.data.Dataset} knows its example shape, (1, 28, 28)
 * for grey images, and its number of classes, read from the labels or a class-names file),
 * {@link io.digitstudio.data.DataSummary} says what a source holds before a run (kind, class names, examples per class),
 * {@link io.digitstudio.data.SerialIterator} yields index batches with
 * Chainer's semantics, and {@link io.digitstudio.data.ExampleBatch} concatenates a batch into arrays.
 */
package io.digitstudio.data;
