/**
 * Reading pictures: one digit or a whole number (a house number, a meter, a line of handwriting). The picture's ink is
 * found ({@link io.digitstudio.read.InkFinder}) and cut into digits ({@link io.digitstudio.read.DigitSegmenter}), each
 * digit is prepared as MNIST's were ({@link io.digitstudio.read.DigitPreprocessor}) and classified ({@code nn}), and
 * {@link io.digitstudio.read.NumberReader} chooses how a number is cut by reading it. Used by the command line's
 * {@code predict} and the Draw view alike; {@link io.digitstudio.read.MnistPreparation} offers the preparation to
 * {@code data}'s picture folders and to the user's own digits.
 */
package io.digitstudio.read;
