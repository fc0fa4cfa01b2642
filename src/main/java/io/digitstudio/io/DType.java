package io.digitstudio.io;

/** The NumPy element types this project reads and writes (little-endian on disk unless read otherwise). */
public enum DType {
    FLOAT32("f4", 4), FLOAT64("f8", 8), INT8("i1", 1), UINT8("u1", 1), INT16("i2", 2), INT32("i4", 4), INT64("i8", 8), BOOL("b1", 1);

    private final String code;
    private final int size;

    DType(String code, int size) {
        this.code = code;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** NumPy's descr for this type, e.g. {@code <f4} or {@code |u1}. */
    public String descr() {
        return (size == 1 ? "|" : "<") + code;
    }

    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    static DType ofCode(String code) {
        for (DType d : values()) if (d.code.equals(code)) return d;
        return null;
    }
}
