"""The networks: ours (RecolorNet) and the original design's baselines v2 (FC) and v3 (CNN).

Stride-2 convolutions pad like TensorFlow's 'same' (one extra row/column at the bottom/right, none
at the top/left), so the exported TensorFlow.js model computes exactly what PyTorch computes.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBN(nn.Module):
    """3x3 (or 1x1) conv + BatchNorm (+ ReLU), with TF-'same' padding."""

    def __init__(self, cin, cout, k=3, stride=1, dilation=1, relu=True):
        super().__init__()
        self.k, self.stride, self.dilation, self.relu = k, stride, dilation, relu
        self.conv = nn.Conv2d(cin, cout, k, stride, padding=0, dilation=dilation, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def pad(self, x):
        if self.k == 1:
            return x
        total = self.dilation * (self.k - 1)
        if self.stride == 1:
            p = total // 2
            return F.pad(x, (p, total - p, p, total - p))
        # TF 'same' for stride 2: out = ceil(in/2); pad_total = max((out-1)*2 + eff_k - in, 0).
        h, w = x.shape[-2:]
        ph = max((-(-h // 2) - 1) * 2 + total + 1 - h, 0)
        pw = max((-(-w // 2) - 1) * 2 + total + 1 - w, 0)
        return F.pad(x, (pw // 2, pw - pw // 2, ph // 2, ph - ph // 2))

    def forward(self, x):
        y = self.bn(self.conv(self.pad(x)))
        return F.relu(y) if self.relu else y


# Encoder widths per level (input 256 -> 128, 64, 32, 16). Sized for speed: 0.32 GMAC per 256x256
# pass, about 58 ms in tfjs-wasm (Node, SIMD, one thread) on this project's 2-core machine, against
# 109 ms for the first shipped widths (24, 48, 96, 192), 0.70 GMAC (random-weight graphs of both,
# 2026-11-27; models/README.md). Checkpoints record their widths in meta['widths'].
WIDTHS = (16, 32, 64, 128)


class RecolorNet(nn.Module):
    """U-Net-like colorizer: L (B,1,H,W) -> logits over ab bins (B,Q,H/4,W/4).

    With in_ch=4 the input also carries user colour hints (hints.py): x = [L/50 - 1, hint a/110,
    hint b/110, hint mask], zeros in the last three where there is no hint (automatic colorizing).

    Encoder: stride-2 3x3 convs down to 1/16, dilated 3x3 convs there for context; decoder:
    nearest upsampling with additive skips back to 1/4, where the chroma distribution is predicted.
    """

    def __init__(self, num_bins: int, widths=WIDTHS, in_ch: int = 1):
        super().__init__()
        w1, w2, w3, w4 = widths
        self.in_ch = in_ch
        self.enc1 = nn.Sequential(ConvBN(in_ch, w1, stride=2))                                 # 1/2
        self.enc2 = nn.Sequential(ConvBN(w1, w2, stride=2), ConvBN(w2, w2))                # 1/4
        self.enc3 = nn.Sequential(ConvBN(w2, w3, stride=2), ConvBN(w3, w3))                # 1/8
        self.enc4 = nn.Sequential(ConvBN(w3, w4, stride=2), ConvBN(w4, w4, dilation=2),
                                  ConvBN(w4, w4, dilation=4))                               # 1/16
        self.red4 = ConvBN(w4, w3, k=1, relu=False)
        self.dec3 = ConvBN(w3, w3)                                                          # 1/8
        self.red3 = ConvBN(w3, w2, k=1, relu=False)
        self.dec2 = ConvBN(w2, w2)                                                          # 1/4
        self.head = nn.Conv2d(w2, num_bins, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(e1)
        e3 = self.enc3(e2)
        e4 = self.enc4(e3)
        d3 = self.dec3(F.interpolate(self.red4(e4), scale_factor=2, mode='nearest') + e3)
        d2 = self.dec2(F.interpolate(self.red3(d3), scale_factor=2, mode='nearest') + e2)
        return self.head(d2)


class OriginalCNN(nn.Module):
    """v3, the original design: 12 3x3 conv layers, stride-2 downsampling, 256x256 input,
    upsampling back to the input size, tanh output of ab/128, trained with MSE."""

    def __init__(self):
        super().__init__()
        c = lambda i, o, s=1: nn.Conv2d(i, o, 3, s, padding=1)
        self.body = nn.ModuleList([
            c(1, 64, 2), c(64, 128), c(128, 128, 2), c(128, 256), c(256, 256, 2), c(256, 512),
            c(512, 512), c(512, 256), c(256, 128)])
        self.up = nn.ModuleList([c(128, 64), c(64, 32), c(32, 2)])

    def forward(self, x):
        for conv in self.body:
            x = F.relu(conv(x))
        x = F.interpolate(x, scale_factor=2, mode='nearest')
        x = F.relu(self.up[0](x))
        x = F.interpolate(x, scale_factor=2, mode='nearest')
        x = F.relu(self.up[1](x))
        x = torch.tanh(self.up[2](x))
        return F.interpolate(x, scale_factor=2, mode='nearest') * 128.0


class PatchFC(nn.Module):
    """v2, the original design's small network: three fully connected layers mapping a pixel's
    7x7 neighbourhood of gray values to its ab (written as 7x7 then 1x1 convs, which is the same
    fully connected net applied at every pixel)."""

    PATCH = 7

    def __init__(self, hidden=(128, 64)):
        super().__init__()
        self.fc1 = nn.Conv2d(1, hidden[0], self.PATCH, padding=self.PATCH // 2)
        self.fc2 = nn.Conv2d(hidden[0], hidden[1], 1)
        self.fc3 = nn.Conv2d(hidden[1], 2, 1)

    def forward(self, x):
        return torch.tanh(self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))) * 128.0


def build_model(kind: str, num_bins: int, widths=WIDTHS, in_ch: int = 1) -> nn.Module:
    """The network a checkpoint's meta['model'] names; widths and in_ch apply to ours only."""
    if kind == 'ours':
        return RecolorNet(num_bins, tuple(widths), in_ch)
    return {'v3': OriginalCNN, 'v2': PatchFC}[kind]()


def macs_per_pass(model: nn.Module, size=256) -> int:
    """Multiply-accumulates of conv layers for one size x size pass."""
    total = 0
    hooks = []
    def hook(m, inp, out):
        nonlocal total
        total += out.numel() // out.shape[0] * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(hook))
    with torch.no_grad():
        model.eval()(torch.zeros(1, getattr(model, 'in_ch', 1), size, size))
    for h in hooks:
        h.remove()
    return total
