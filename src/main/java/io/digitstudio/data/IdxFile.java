package io.digitstudio.data;

import java.util.Arrays;

/** The content of one IDX file of unsigned bytes: its dimensions and its data in C order. */
public record IdxFile(int[] dims, byte[] data) {
    public int count() {
        return dims[0];
    }

    /** Elements per item: 1 for labels, rows*cols for images. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) size *= dims[i];
        return size;
    }

    @Override
    public String toString() {
        return "IdxFile" + Arrays.toString(dims);
    }
}
