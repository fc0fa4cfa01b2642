/**
 * The user's own digits: drawings kept with the label the user gave them (and their strokes, to prepare them again if
 * the preparation improves), stored per user as {@code collection.json} plus MNIST-style IDX files that {@code --data}
 * and every other tool read. Depends on {@code data} and {@code io}.
 */
package io.digitstudio.mydigits;
