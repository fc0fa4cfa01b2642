package io.digitstudio.nn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Kept views of native memory: the same objects each time, the right elements at any offset, and none for views. */
class NativeFloatsTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void partsOfAnArrayGoBothWaysAtAnyOffset() {
        INDArray a = Nd4j.create(new float[]{0, 1, 2, 3, 4, 5, 6, 7}, new long[]{2, 4}, DataType.FLOAT);
        float[] got = new float[5];
        NativeFloats.read(a, 3, got, 1, 4);
        assertArrayEquals(new float[]{0, 3, 4, 5, 6}, got);
        NativeFloats.write(new float[]{9, 10, 11}, 1, a, 6, 2);
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5, 10, 11}, a.data().asFloat());
        assertThrows(IndexOutOfBoundsException.class, () -> NativeFloats.read(a, 6, got, 0, 3), "past the array's end");
    }

    @Test
    void anArrayKeepsItsPointerAndEachArrayHasItsOwn() {
        List<INDArray> arrays = new ArrayList<>();
        for (int i = 0; i < 200; i++) arrays.add(Nd4j.create(DataType.FLOAT, 3)); // more than the table's first size
        for (int i = 0; i < arrays.size(); i++) Host.write(new float[]{i, i, i}, arrays.get(i));
        for (int i = 0; i < arrays.size(); i++) {
            assertSame(NativeFloats.pointer(arrays.get(i)), NativeFloats.pointer(arrays.get(i)));
            assertEquals(i, NativeFloats.pointer(arrays.get(i)).get(2), "array " + i + " after the table grew");
        }
        assertNotEquals(NativeFloats.pointer(arrays.get(0)).address(), NativeFloats.pointer(arrays.get(1)).address());
    }

    @Test
    void anArrayHasOneViewForEveryThread() throws Exception {
        // a split step's part runs on whichever core is free: its arrays must be known whichever thread asks
        INDArray a = Nd4j.create(DataType.FLOAT, 5);
        org.bytedeco.javacpp.FloatPointer here = NativeFloats.pointer(a);
        org.bytedeco.javacpp.FloatPointer[] there = new org.bytedeco.javacpp.FloatPointer[1];
        long misses = NativeFloats.misses();
        Thread t = new Thread(() -> there[0] = NativeFloats.pointer(a));
        t.start();
        t.join();
        assertSame(here, there[0]);
        assertEquals(misses, NativeFloats.misses(), "the other thread found the array");
    }

    @Test
    void aWorkspacesNewArraysAreKnownBeforeTheirFirstUse() {
        // so that a new workspace's first pass (the first validation's) takes no branch a warm step never takes
        Workspace ws = new Workspace();
        try (Workspace.Scope s = ws.enter()) {
            INDArray a = Workspace.alloc(7, 13);
            INDArray b = Workspace.alloc(7, 13);
            long misses = NativeFloats.misses();
            Host.write(new float[91], a);
            Host.read(b, 0);
            NativeFloats.pointer(a);
            assertEquals(misses, NativeFloats.misses());
        }
        INDArray elsewhere = Nd4j.create(DataType.FLOAT, 3);
        long misses = NativeFloats.misses();
        NativeFloats.pointer(elsewhere);
        assertEquals(misses + 1, NativeFloats.misses(), "an array made outside a workspace is a miss, and counted");
    }

    @Test
    void aReplicasFirstPassInANewWorkspaceMissesNothing() throws Exception {
        // what the first validation does after a warm training step: a copy of the network and a batch of another size
        Network net = Network.mlp(new io.digitstudio.data.Rng(1), 784, 30, 10);
        try (Workspace.Scope s = new Workspace().enter()) {
            net.forward(Variable.of(new float[4 * 784], 4, 784));
        }
        long misses = NativeFloats.misses();
        Network copy = new Replicas(net).get(1);
        Thread t = new Thread(() -> {
            try (Workspace.Scope s = new Workspace().enter()) {
                copy.forward(Variable.of(new float[9 * 784], 9, 784));
            }
        });
        t.start();
        t.join();
        assertEquals(misses, NativeFloats.misses());
    }

    @Test
    void aViewIsRefused() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> NativeFloats.pointer(a.getRow(1)));
        assertThrows(IllegalArgumentException.class, () -> NativeFloats.pointer(Nd4j.create(DataType.DOUBLE, 3)));
    }

    @Test
    void aWorkspaceHandsTheSameFloatsBackEachIteration() {
        Workspace ws = new Workspace();
        float[] first, second;
        short[] argmax;
        try (Workspace.Scope s = ws.enter()) {
            first = Workspace.floats(10);
            second = Workspace.floats(10);
            argmax = Workspace.shorts(600); // a size past the boxed-integer cache, as pooling asks
            assertNotSame(first, second);
        }
        try (Workspace.Scope s = ws.enter()) {
            assertSame(argmax, Workspace.shorts(600), "shorts are counted apart from floats");
            assertSame(first, Workspace.floats(10));
            assertSame(second, Workspace.floats(8));
            assertTrue(Workspace.floats(4).length >= 4, "a third request gets a new array");
        }
        try (Workspace.Scope s = ws.enter()) {
            float[] bigger = Workspace.floats(20);
            assertTrue(bigger.length >= 20);
            assertNotSame(first, bigger);
        }
        assertNotSame(Workspace.floats(3), Workspace.floats(3), "outside a workspace each is new");
    }
}
