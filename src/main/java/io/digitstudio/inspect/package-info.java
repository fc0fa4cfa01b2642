/**
 * Pictures of what a network holds and does: its first layer's weights as tiles (a diverging colour map centred on 0),
 * each step's activations, and saliency maps over the input. Pixels only (ARGB arrays, PNG files through ImageIO), so the
 * app shows the same pictures the command line's {@code inspect} writes. Depends on {@code nn} and {@code io}.
 */
package io.digitstudio.inspect;
