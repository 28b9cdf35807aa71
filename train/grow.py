"""Widen a trained RecolorNet without changing what it computes (Net2WiderNet, Chen, Goodfellow
and Shlens 2016), so that a wider net starts from the narrow one's training instead of from scratch.

Each new channel copies an existing one (its incoming weights and BatchNorm); the next layer's
weights on a copied channel are split among its copies, so every sum is unchanged. The two
additive skips (e3 + red4, e2 + red3) add tensors that must be widened with one channel map.
A little noise on the copies' incoming weights then lets them drift apart in training.

  /usr/bin/python3 train/grow.py --ckpt train/checkpoint/ours.pt --widths 24,48,96,192 \
      --out train/ckpt/ours-wide.pt
The grown checkpoint keeps the step count and history; its optimizer state starts afresh.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import ConvBN, RecolorNet  # noqa: E402


def channel_map(old: int, new: int, generator: torch.Generator) -> torch.Tensor:
    """new >= old channels -> the old channel each one copies: the old ones first, then random."""
    if new < old:
        raise ValueError(f'cannot narrow {old} channels to {new}')
    return torch.cat([torch.arange(old), torch.randint(old, (new - old,), generator=generator)])


def _split(m: torch.Tensor) -> torch.Tensor:
    """For each new input channel, 1 / the number of copies of its old channel."""
    return 1.0 / torch.bincount(m)[m].float()


@torch.no_grad()
def _widen_convbn(old: ConvBN, new: ConvBN, m_in: torch.Tensor, m_out: torch.Tensor, noise: float,
                  generator: torch.Generator):
    """new = old with output channels m_out and input channels m_in (split among their copies)."""
    w = old.conv.weight[m_out][:, m_in] * _split(m_in).view(1, -1, 1, 1)
    fresh = torch.arange(len(m_out)) >= old.conv.weight.shape[0]
    if noise > 0 and fresh.any():
        w[fresh] += noise * w[fresh].std() * torch.randn(w[fresh].shape, generator=generator)
    new.conv.weight.copy_(w)
    for name in ('weight', 'bias', 'running_mean', 'running_var'):
        getattr(new.bn, name).copy_(getattr(old.bn, name)[m_out])
    new.bn.num_batches_tracked.copy_(old.bn.num_batches_tracked)


@torch.no_grad()
def widen(net: RecolorNet, widths, noise: float = 0.0, seed: int = 0) -> RecolorNet:
    """A RecolorNet of the given widths computing what net computes (exactly when noise is 0)."""
    g = torch.Generator().manual_seed(seed)             # the channel maps: the same for any noise
    gn = torch.Generator().manual_seed(seed + 1)        # the noise
    old_w = [net.enc1[0].conv.out_channels, net.enc2[0].conv.out_channels,
             net.enc3[0].conv.out_channels, net.enc4[0].conv.out_channels]
    out = RecolorNet(net.head.out_channels, tuple(widths), net.in_ch)
    maps = {}
    def m(space, level):
        if space not in maps:
            maps[space] = channel_map(old_w[level], widths[level], g)
        return maps[space]
    ident = torch.arange(net.in_ch)
    layers = [  # (old, new, input space, output space): spaces that meet in a sum share a map
        (net.enc1[0], out.enc1[0], ident, m('e1', 0)),
        (net.enc2[0], out.enc2[0], m('e1', 0), m('e2a', 1)),
        (net.enc2[1], out.enc2[1], m('e2a', 1), m('e2', 1)),
        (net.enc3[0], out.enc3[0], m('e2', 1), m('e3a', 2)),
        (net.enc3[1], out.enc3[1], m('e3a', 2), m('e3', 2)),
        (net.enc4[0], out.enc4[0], m('e3', 2), m('e4a', 3)),
        (net.enc4[1], out.enc4[1], m('e4a', 3), m('e4b', 3)),
        (net.enc4[2], out.enc4[2], m('e4b', 3), m('e4', 3)),
        (net.red4, out.red4, m('e4', 3), m('e3', 2)),
        (net.dec3, out.dec3, m('e3', 2), m('d3', 2)),
        (net.red3, out.red3, m('d3', 2), m('e2', 1)),
        (net.dec2, out.dec2, m('e2', 1), m('d2', 1)),
    ]
    for old, new, m_in, m_out in layers:
        _widen_convbn(old, new, m_in, m_out, noise, gn)
    out.head.weight.copy_(net.head.weight[:, m('d2', 1)] * _split(m('d2', 1)).view(1, -1, 1, 1))
    out.head.bias.copy_(net.head.bias)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--widths', required=True, help='e.g. 24,48,96,192')
    ap.add_argument('--out', required=True)
    ap.add_argument('--noise', type=float, default=0.01, help="noise on the copies' weights, times their std")
    a = ap.parse_args()
    ck = torch.load(a.ckpt, map_location='cpu', weights_only=False)
    meta = ck['meta']
    widths = tuple(int(v) for v in a.widths.split(','))
    nets = {}
    for key in ('model', 'ema'):
        net = RecolorNet(meta['bins'], tuple(meta['widths']), meta.get('in_ch', 1))
        net.load_state_dict(ck[key])
        nets[key] = widen(net, widths, a.noise if key == 'model' else 0.0).state_dict()
    meta = {**meta, 'widths': list(widths), 'grown_from': {'widths': meta['widths'], 'step': ck['state']['step']}}
    torch.save({'model': nets['model'], 'ema': nets['ema'], 'state': ck['state'], 'meta': meta}, a.out)
    print(f'{a.ckpt} ({meta["grown_from"]["widths"]}) -> {a.out} ({list(widths)}), step {ck["state"]["step"]}')


if __name__ == '__main__':
    main()
