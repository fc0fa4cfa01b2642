package io.digitstudio.read;

import io.digitstudio.data.GreyImage;

/**
 * One digit found in a picture: its box in the picture's pixels ({@code x1}, {@code y1} exclusive), the line it is on
 * (0 = top) and its ink, cropped to the box at the working resolution, bright on black.
 */
public record DigitBox(int x0, int y0, int x1, int y1, int line, GreyImage ink) {
}
