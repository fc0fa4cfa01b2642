/**
 * Define-by-run networks, as in Chainer. {@link io.digitstudio.nn.Variable}s flow through
 * {@link io.digitstudio.nn.Function}s (see {@link io.digitstudio.nn.F}), each of which records itself as the creator
 * of its output, so {@code loss.backward()} walks back exactly what the forward code did.
 * {@link io.digitstudio.nn.Link}s own {@link io.digitstudio.nn.Parameter}s; a {@link io.digitstudio.nn.Chain} names
 * its children, which gives Chainer's parameter paths ({@code l1/W}, {@code conv1/W}). A
 * {@link io.digitstudio.nn.Network} is built from a {@link io.digitstudio.nn.NetworkSpec} (a text form such as
 * {@code conv 20 5, relu, maxpool 2, linear}); the presets are the tutorial's MLP, a wider MLP and LeNet. Each kind of
 * layer is one {@link io.digitstudio.nn.LayerSpec} class (how the spec writes it, its shape planning, how it builds
 * its step, whether it splits across cores), listed in {@link io.digitstudio.nn.LayerTypes}; the order of use is
 * parse, plan ({@link io.digitstudio.nn.LayerPlanner}), fuse (conv + relu + max pooling), build.
 *
 * <p>Arrays are float32 ND4J arrays in C order. Matrix products go to BLAS; element-wise work runs in Java on the
 * arrays' memory ({@link io.digitstudio.nn.Host}), since one native call costs more than the work at this size. A
 * {@link io.digitstudio.nn.Workspace} hands out the same buffers every iteration, so the training step allocates no
 * native memory once warmed up.
 */
package io.digitstudio.nn;
