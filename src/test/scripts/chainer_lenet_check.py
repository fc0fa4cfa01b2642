"""Checks that real Chainer reads a DigitStudio LeNet file: lists it as numpy.load does, fills Chainer's LeNet with
serializers.load_npz (which ignores the digitstudio/ entries) and measures its accuracy on the MNIST test set, which
must match what `digitstudio eval` reports for the same file.

usage: PYTHONPATH=CHAINER_SOURCE python3 chainer_lenet_check.py MODEL.npz DIR_WITH_RAW_IDX_FILES
"""
import sys

import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L


class LeNet(chainer.Chain):
    def __init__(self):
        super().__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(1, 20, 5)
            self.conv2 = L.Convolution2D(20, 50, 5)
            self.fc3 = L.Linear(800, 500)
            self.fc4 = L.Linear(500, 10)

    def forward(self, x):
        h = F.max_pooling_2d(F.relu(self.conv1(x)), 2)
        h = F.max_pooling_2d(F.relu(self.conv2(h)), 2)
        return self.fc4(F.relu(self.fc3(h)))


def idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    model_path, data_dir = sys.argv[1], sys.argv[2]
    with np.load(model_path, allow_pickle=False) as z:
        for k in z.files:
            v = z[k]
            shown = bytes(v).decode() if v.dtype == np.uint8 else v.tolist() if v.size < 5 else ''
            print('%-28s %-18s %-8s %s' % (k, v.shape, v.dtype, shown))
    model = LeNet()
    chainer.serializers.load_npz(model_path, model)
    x = idx(data_dir + '/t10k-images-idx3-ubyte').astype(np.float32).reshape(-1, 1, 28, 28) * np.float32(1 / 255)
    t = idx(data_dir + '/t10k-labels-idx1-ubyte').astype(np.int32)
    correct = 0
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        for i in range(0, len(t), 500):
            correct += int((model(x[i:i + 500]).array.argmax(axis=1) == t[i:i + 500]).sum())
    print('chainer %s: test accuracy %.4f' % (chainer.__version__, correct / len(t)))


if __name__ == '__main__':
    main()
