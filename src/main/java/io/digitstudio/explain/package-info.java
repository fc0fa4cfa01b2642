/**
 * Why the network gives its answer, in terms people read at once: the training images it finds most alike
 * ({@link io.digitstudio.explain.FeatureSpace} → {@link io.digitstudio.explain.NeighbourIndex}, cached per model by
 * {@link io.digitstudio.explain.IndexCache}; {@link io.digitstudio.explain.PixelIndex} for plain pixels), and how the
 * answer moves when the digit is shifted, rotated, scaled or its strokes thickened ({@link io.digitstudio.explain.AnswerProfile}).
 * No JavaFX: the command line's {@code explain} and the Draw view share it. Depends on {@code nn}, {@code data},
 * {@code io} and {@code inspect} (for pictures).
 */
package io.digitstudio.explain;
