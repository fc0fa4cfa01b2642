"""Round trips between DigitStudio and real PyTorch (Debian's python3-torch) through ONNX and safetensors.

1. a PyTorch LeNet, trained briefly here, -> torch.onnx.export (opset 13) -> `digitstudio eval`: the same accuracy;
2. its state dict -> safetensors (with the spec in the metadata) -> `digitstudio eval`: the same accuracy;
3. a DigitStudio model -> `digitstudio export --format safetensors` -> load_state_dict into the same PyTorch network
   -> the same predictions on the MNIST test set as `digitstudio eval` counts.

The PyTorch modules name their layers as DigitStudio does (conv1, conv2, fc3, fc4), and their batch normalization would
use DigitStudio's epsilon (the file's digitstudio.batchnorm_eps). No network access: MNIST comes from assets/mnist.

usage (from the repository's top folder, with the app built: mvn -o -q package -DskipTests, or any DIGITSTUDIO command):
  /usr/bin/python3 -m venv --system-site-packages V && V/bin/pip install --no-index --find-links WHEELS safetensors
  (Debian's own Python, whose torch 1.13 is built against Debian's numpy: a newer numpy in V stops torch.from_numpy)
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread V/bin/python src/test/scripts/pytorch_roundtrip.py OUT_DIR
environment: DIGITSTUDIO, the command that runs the CLI (default: java -jar target/digitstudio.jar)
"""
import gzip
import os
import re
import shlex
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import load_file, save_file

SPEC = "conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, linear 10"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def mnist():
    d = "assets/mnist/"
    scale = np.float32(1.0 / 255.0)  # Chainer's get_mnist, as DigitStudio scales
    xtr = idx(d + "train-images-idx3-ubyte.gz").astype(np.float32) * scale
    ytr = idx(d + "train-labels-idx1-ubyte.gz").astype(np.int64)
    xte = idx(d + "t10k-images-idx3-ubyte.gz").astype(np.float32) * scale
    yte = idx(d + "t10k-labels-idx1-ubyte.gz").astype(np.int64)
    return xtr[:, None], ytr, xte[:, None], yte


class LeNet(nn.Module):
    """DigitStudio's lenet preset, with its parameter names."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.fc3 = nn.Linear(800, 500)
        self.fc4 = nn.Linear(500, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc4(F.relu(self.fc3(x)))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(torch.from_numpy(x[i:i + 1000])).argmax(1) for i in range(0, len(x), 1000)])
    return float((pred.numpy() == y).mean()), pred.numpy()


def digitstudio(*args):
    cmd = shlex.split(os.environ.get("DIGITSTUDIO", "java -jar target/digitstudio.jar")) + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("digitstudio %s failed: %s" % (" ".join(args), r.stderr.strip().splitlines()[-1:]))
    return r.stdout


def eval_accuracy(model_file):
    out = digitstudio("eval", "--model", model_file)
    return float(re.search(r"test_accuracy:([0-9.]+)", out).group(1))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    xtr, ytr, xte, yte = mnist()
    net = LeNet()
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    t0 = time.time()
    net.train()
    n = 12000
    for i in range(0, n, 100):  # one short epoch: enough for a model whose accuracy says something
        opt.zero_grad()
        loss = F.cross_entropy(net(torch.from_numpy(xtr[i:i + 100])), torch.from_numpy(ytr[i:i + 100]))
        loss.backward()
        opt.step()
    torch_acc, _ = accuracy(net, xte, yte)
    print("PyTorch LeNet trained on %d images in %.1f s: test accuracy %.4f" % (n, time.time() - t0, torch_acc))

    onnx_file = os.path.join(out, "lenet_torch.onnx")
    torch.onnx.export(net, torch.zeros(1, 1, 28, 28), onnx_file, opset_version=13, input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}})
    ds_onnx = eval_accuracy(onnx_file)
    print("1. PyTorch -> torch.onnx.export -> DigitStudio eval: %.4f (PyTorch %.4f), %d bytes" % (ds_onnx, torch_acc, os.path.getsize(onnx_file)))

    st_file = os.path.join(out, "lenet_torch.safetensors")
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, st_file,
              metadata={"digitstudio.spec": SPEC, "digitstudio.input_shape": "[1, 28, 28]"})
    ds_st = eval_accuracy(st_file)
    print("2. PyTorch state dict -> safetensors -> DigitStudio eval: %.4f (PyTorch %.4f), %d bytes" % (ds_st, torch_acc, os.path.getsize(st_file)))

    ours = os.path.join(out, "lenet_digitstudio.safetensors")
    if os.path.exists(ours):
        os.remove(ours)
    digitstudio("export", "--format", "safetensors", "assets/models/lenet.npz", ours)
    back = LeNet()
    state = load_file(ours)
    back.load_state_dict(state, strict=True)
    back_acc, _ = accuracy(back, xte, yte)
    ds_acc = eval_accuracy("assets/models/lenet.npz")
    print("3. DigitStudio lenet.npz -> safetensors -> PyTorch load_state_dict: %.4f (DigitStudio eval %.4f), %d bytes"
          % (back_acc, ds_acc, os.path.getsize(ours)))

    ok = abs(ds_onnx - torch_acc) < 1e-9 and abs(ds_st - torch_acc) < 1e-9 and abs(back_acc - ds_acc) < 1e-9
    print("all three round trips agree" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
