/**
 * Pinned digits: drawings and test images the user keeps to watch a run learn them. {@link io.digitstudio.ui.pins.Pins}
 * holds them (Draw and Samples add, the Train view shows and removes), remembered between launches.
 */
package io.digitstudio.ui.pins;
