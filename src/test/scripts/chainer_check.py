"""Checks that real Chainer reads a DigitStudio model file: lists it as numpy.load does, builds the equivalent Chainer
chain from the file's own spec (digitstudio/spec: conv, linear, relu, sigmoid, tanh, maxpool, avgpool, batchnorm,
dropout, flatten, with the same layer names: l1.. for an MLP, conv1, bn1, fc3, .. otherwise), fills it with
serializers.load_npz (which ignores the digitstudio/ entries) and measures its accuracy on the MNIST test set, which
must match what `digitstudio eval` reports for the same file.

usage: PYTHONPATH=CHAINER_SOURCE python3 chainer_check.py MODEL.npz DIR_WITH_RAW_IDX_FILES
"""
import sys

import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L


class SpecChain(chainer.Chain):
    def __init__(self, spec, input_shape):
        super().__init__()
        self.steps = []
        layers = [item.split() for item in spec.replace('\n', ',').split(',') if item.strip()]
        conv = any(l[0] == 'conv' for l in layers)
        shape = list(input_shape)
        numbered = 0
        with self.init_scope():
            for words in layers:
                kind, args = words[0], words[1:]
                opts = dict(zip(args[2::2], map(int, args[3::2]))) if kind == 'conv' else dict(zip(args[1::2], map(int, args[2::2])))
                if kind == 'conv':
                    numbered += 1
                    name = 'conv%d' % numbered
                    out, k = int(args[0]), int(args[1])
                    s, p = opts.get('stride', 1), opts.get('pad', 0)
                    setattr(self, name, L.Convolution2D(shape[0], out, k, s, p))
                    self.steps.append(lambda h, n=name: getattr(self, n)(h))
                    shape = [out, (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1]
                elif kind == 'linear':
                    numbered += 1
                    name = ('fc' if conv else 'l') + str(numbered)
                    setattr(self, name, L.Linear(int(np.prod(shape)), int(args[0])))
                    self.steps.append(lambda h, n=name: getattr(self, n)(h))
                    shape = [int(args[0])]
                elif kind == 'batchnorm':
                    name = 'bn%d' % numbered
                    setattr(self, name, L.BatchNormalization(shape[0]))
                    self.steps.append(lambda h, n=name: getattr(self, n)(h))
                elif kind in ('relu', 'sigmoid', 'tanh'):
                    self.steps.append(getattr(F, kind))
                elif kind in ('maxpool', 'avgpool'):
                    k = int(args[0])
                    s, p = opts.get('stride', k), opts.get('pad', 0)
                    if kind == 'maxpool':
                        self.steps.append(lambda h, k=k, s=s, p=p: F.max_pooling_2d(h, k, s, p))
                        shape = [shape[0], -(-(shape[1] + 2 * p - k) // s) + 1, -(-(shape[2] + 2 * p - k) // s) + 1]
                    else:
                        self.steps.append(lambda h, k=k, s=s, p=p: F.average_pooling_2d(h, k, s, p))
                        shape = [shape[0], (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1]
                elif kind == 'dropout':
                    self.steps.append(lambda h, r=float(args[0]): F.dropout(h, r))
                elif kind == 'flatten':
                    self.steps.append(lambda h: F.reshape(h, (h.shape[0], -1)))
                    shape = [int(np.prod(shape))]
                else:
                    raise ValueError('unknown layer ' + kind)

    def forward(self, x):
        for step in self.steps:
            x = step(x)
        return x


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
            shown = repr(bytes(v).decode()) if v.dtype == np.uint8 else v.tolist() if v.size < 5 else ''
            print('%-28s %-18s %-8s %s' % (k, v.shape, v.dtype, shown))
        spec = bytes(z['digitstudio/spec']).decode()
        input_shape = z['digitstudio/input_shape'].tolist()
    model = SpecChain(spec, input_shape)
    chainer.serializers.load_npz(model_path, model)
    x = idx(data_dir + '/t10k-images-idx3-ubyte').astype(np.float32).reshape([-1] + input_shape) * np.float32(1 / 255)
    t = idx(data_dir + '/t10k-labels-idx1-ubyte').astype(np.int32)
    correct = 0
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        for i in range(0, len(t), 500):
            correct += int((model(x[i:i + 500]).array.argmax(axis=1) == t[i:i + 500]).sum())
    print('chainer %s: test accuracy %.4f' % (chainer.__version__, correct / len(t)))


if __name__ == '__main__':
    main()
