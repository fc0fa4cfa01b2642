/**
 * The one way state is saved and restored (Chainer's {@code serializer.py}): {@link io.digitstudio.serial.Serializer}
 * is all a stateful object (an iterator, an optimizer and its update rules) needs to know; the back-ends that write and
 * read files (NPZ with Chainer's keys) live in {@code io}. Depends on nothing.
 */
package io.digitstudio.serial;
