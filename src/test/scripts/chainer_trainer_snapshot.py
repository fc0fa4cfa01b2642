"""Makes a real Chainer trainer snapshot, and what the next update step gives, for DigitStudio's tests to read.

The tutorial's trainer ("Let's try using the Trainer feature"): its MLP (784-UNITS-UNITS-10, ReLU, L.Linear(None, n)) in
L.Classifier, MomentumSGD(lr=0.01, momentum=0.9), SerialIterator (shuffled), StandardUpdater, Trainer with LogReport,
an Evaluator, PrintReport and extensions.snapshot(), on the first TRAIN training images of this repo's assets/mnist
(scaled as chainer.datasets.get_mnist does: float32 * (1/255)). After ITERATIONS iterations the snapshot extension
writes OUT/snapshot_iter_ITERATIONS (chainer.serializers.save_npz(file, trainer), compressed, as Chainer writes it).
Then the script does one more update step with the same updater and writes OUT/next_step.npz:
  batch          int64 (BATCH,)  the training-set indices of that step's batch (order[position:position+BATCH])
  loss           float32 ()      the step's loss (before the update)
  l1/W ... l3/b  float32         the predictor's weights after the step (Chainer's save_npz layout of the MLP)
  v/l1/W ...     float32         MomentumSGD's v after the step
  logits         float32 (5, 10) the predictor's outputs, in the snapshot's state, for test images 0..4

usage: PYTHONPATH=CHAINER_7.8.1_SOURCE python3 chainer_trainer_snapshot.py REPO/assets/mnist OUT [UNITS TRAIN BATCH ITERATIONS]
  defaults: UNITS 16, TRAIN 640, BATCH 128, ITERATIONS 7 (the committed fixtures in src/test/resources/chainer/);
  the tutorial's own size is UNITS 100. The next batch must lie inside the epoch under way: TRAIN is a multiple of
  BATCH and ITERATIONS is not one less than a multiple of TRAIN / BATCH.
Chainer from source: check out tag v7.8.1 and write `build_chainerx = False` to chainerx/_build_info.py (what
setup.py writes for a build without ChainerX); it needs numpy (Debian's 1.24 works), six, filelock, typing_extensions
and protobuf.
"""
import gzip
import os
import shutil
import sys

import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L
from chainer import iterators, optimizers, training
from chainer.training import extensions


class MLP(chainer.Chain):
    def __init__(self, n_mid_units=100, n_out=10):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_mid_units)
            self.l2 = L.Linear(None, n_mid_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        return self.l3(h2)


def idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def images(path, count):
    x = idx(path)[:count].reshape(count, -1).astype(np.float32)
    x *= 1 / 255.
    return x


def main():
    mnist, out = sys.argv[1], sys.argv[2]
    units, n_train, batch, iterations = [int(a) for a in sys.argv[3:7]] if len(sys.argv) > 3 else [16, 640, 128, 7]
    per_epoch = n_train // batch
    if n_train % batch or iterations % per_epoch == per_epoch - 1:
        sys.exit('the next batch would cross an epoch: choose TRAIN a multiple of BATCH, and other ITERATIONS')
    np.random.seed(0)
    train = chainer.datasets.TupleDataset(images(os.path.join(mnist, 'train-images-idx3-ubyte.gz'), n_train),
                                          idx(os.path.join(mnist, 'train-labels-idx1-ubyte.gz'))[:n_train].astype(np.int32))
    test_x = images(os.path.join(mnist, 't10k-images-idx3-ubyte.gz'), 200)
    test = chainer.datasets.TupleDataset(test_x,
                                         idx(os.path.join(mnist, 't10k-labels-idx1-ubyte.gz'))[:200].astype(np.int32))

    model = L.Classifier(MLP(units, 10))
    optimizer = optimizers.MomentumSGD(lr=0.01, momentum=0.9)
    optimizer.setup(model)
    train_iter = iterators.SerialIterator(train, batch)
    test_iter = iterators.SerialIterator(test, 100, repeat=False, shuffle=False)
    updater = training.updaters.StandardUpdater(train_iter, optimizer, device=-1)
    os.makedirs(out, exist_ok=True)
    work = os.path.join(out, 'trainer')
    trainer = training.Trainer(updater, (iterations, 'iteration'), out=work)
    trainer.extend(extensions.LogReport())
    trainer.extend(extensions.snapshot(), trigger=(iterations, 'iteration'))
    trainer.extend(extensions.Evaluator(test_iter, model, device=-1))
    trainer.extend(extensions.PrintReport(['epoch', 'iteration', 'main/loss', 'main/accuracy', 'validation/main/accuracy']))
    trainer.run()
    name = 'snapshot_iter_%d' % iterations
    shutil.move(os.path.join(work, name), os.path.join(out, name))
    shutil.rmtree(work)

    with chainer.using_config('train', False), chainer.no_backprop_mode():
        logits = model.predictor(test_x[:5]).array

    it = updater.get_iterator('main')
    position = it.current_position
    indices = np.array(it._state.order[position:position + batch], dtype=np.int64)
    epoch = it.epoch
    updater.update()
    assert it.epoch == epoch and it.current_position == position + batch, 'the step crossed an epoch'
    loss = model.loss.array

    result = {'batch': indices, 'loss': np.asarray(loss, np.float32), 'logits': logits}
    for path, param in model.predictor.namedparams():
        key = path.lstrip('/')
        result[key] = param.array
        result['v/' + key] = param.update_rule.state['v']
    np.savez_compressed(os.path.join(out, 'next_step.npz'), **result)
    print('chainer %s, numpy %s: %s and next_step.npz in %s (batch %s.., loss %.6f)'
          % (chainer.__version__, np.__version__, name, out, indices[:4].tolist(), float(loss)))


if __name__ == '__main__':
    main()
