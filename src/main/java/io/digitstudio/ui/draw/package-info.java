/**
 * The draw-and-classify canvas: {@link io.digitstudio.ui.draw.DrawView} over {@link io.digitstudio.ui.draw.DrawViewModel}; predictions run on the compute worker.
 */
package io.digitstudio.ui.draw;
