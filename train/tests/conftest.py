import os
import sys

TRAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TRAIN)
PHOTOS = os.path.join(ROOT, '..', 'shared', 'data', 'photos')
sys.path.insert(0, TRAIN)


def random_net(in_ch=1, widths=(8, 16, 24, 32), seed=None):
    """A RecolorNet in eval mode with random weights and BatchNorm statistics that are not the identity."""
    import torch
    from model import RecolorNet
    torch.manual_seed(in_ch if seed is None else seed)
    net = RecolorNet(254, widths, in_ch)
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 2)
            m.weight.data.uniform_(0.5, 1.5)
    return net.eval()
