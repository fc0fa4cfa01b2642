/**
 * Optimizers as in Chainer: an {@link io.digitstudio.optim.Optimizer} holds hyper-parameters and, after
 * {@code setup(model)}, one {@link io.digitstudio.optim.UpdateRule} per parameter holding that parameter's state
 * (momentum, moments...). {@code update()} applies every rule whose parameter has a gradient. The rules follow
 * Chainer's CPU kernels operation by operation, in float32.
 */
package io.digitstudio.optim;
