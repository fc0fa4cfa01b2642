package io.digitstudio.nn;

/**
 * One layer as planned for a given input, before anything is allocated: its name (layers with parameters only, as
 * Chainer code names them: {@code l1}, {@code conv1}, {@code bn1}), the type the layer table shows, the shapes of one
 * example before and after it, and its parameter count.
 */
public record PlannedLayer(LayerSpec layer, String name, String type, int[] inputShape, int[] outputShape, long params) {
    public PlannedLayer {
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
    }

    public boolean named() {
        return !name.isEmpty();
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }
}
