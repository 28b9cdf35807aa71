import os
import sys

TRAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TRAIN)
PHOTOS = os.path.join(ROOT, '..', 'shared', 'data', 'photos')
sys.path.insert(0, TRAIN)


def random_net(in_ch: int = 1):
    """Our network with random weights and BatchNorm statistics (so folding is exercised), in eval mode."""
    import torch
    from model import RecolorNet
    torch.manual_seed(1)
    net = RecolorNet(254, in_ch=in_ch)
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 2)
            m.weight.data.uniform_(0.5, 1.5)
    return net.eval()
