"""Writes the data sets the reading times are measured on, from the bundled MNIST (no network):
OUT/mnist-folder/{train,test}/<digit>/<index>.png (60,000 + 10,000 pictures) and OUT/kaggle-train.csv (the first
42,000 training images as label,pixel0,...,pixel783, the size of Kaggle's Digit Recognizer train.csv).

usage: python3 src/test/scripts/make_big_data.py OUT   (from the repository's top folder; needs numpy and PIL)
then:  time digitstudio summary --model lenet --data OUT/mnist-folder   (first run prepares, the second reads the cache)
       time digitstudio summary --model lenet --data OUT/kaggle-train.csv
"""
import gzip
import os
import sys

import numpy as np
from PIL import Image


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


out = sys.argv[1]
for split, prefix in (("train", "train"), ("test", "t10k")):
    x = idx("assets/mnist/%s-images-idx3-ubyte.gz" % prefix)
    y = idx("assets/mnist/%s-labels-idx1-ubyte.gz" % prefix)
    for d in range(10):
        os.makedirs(os.path.join(out, "mnist-folder", split, str(d)), exist_ok=True)
    for i in range(len(x)):
        Image.fromarray(x[i]).save(os.path.join(out, "mnist-folder", split, str(y[i]), "%05d.png" % i))
x = idx("assets/mnist/train-images-idx3-ubyte.gz")[:42000].reshape(42000, 784)
y = idx("assets/mnist/train-labels-idx1-ubyte.gz")[:42000]
with open(os.path.join(out, "kaggle-train.csv"), "w") as f:
    f.write("label," + ",".join("pixel%d" % i for i in range(784)) + "\n")
    for i in range(42000):
        f.write("%d,%s\n" % (y[i], ",".join(map(str, x[i]))))
