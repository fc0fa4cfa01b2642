/**
 * NumPy's file formats, written here on java.util.zip (ND4J's own reader fails on compressed NPZ and 0-d entries):
 * {@link io.digitstudio.io.Npy} for one array, {@link io.digitstudio.io.Npz} for a named set, never pickle.
 * {@link io.digitstudio.io.ModelFiles} saves and loads models in Chainer's {@code save_npz} layout, with their network spec beside the weights, and
 * {@link io.digitstudio.io.AtomicFiles} makes every save all-or-nothing. {@link io.digitstudio.io.NiceTicks} chooses the
 * ticks of every chart's value axis, the app's and the command line's pictures alike.
 */
package io.digitstudio.io;
