/**
 * Reading pictures: one digit or a whole number (a house number, a meter, a line of handwriting). The picture's ink is
 * found and cut into digits ({@code data}), each digit is prepared as MNIST's were and classified ({@code nn}). Used by
 * the command line's {@code predict} and the Draw view alike.
 */
package io.digitstudio.read;
