"""Export RecolorNet to the TensorFlow.js LayersModel format (model.json + one weight shard).

BatchNorm is folded into the convolutions, the annealed-mean temperature and the prior correction
(alpha * log of the rebalancing weights, ab_bins.prior_log_weights) into the last logits
layer, and the decode (softmax over bins, expectation of the bin centers, times a chroma scale
picked on the val set) is part of the graph,
so the shipped model maps its input straight to ab (1,H/4,W/4,2). The input is x = L/50 - 1
(1,H,W,1) for a checkpoint without hints (meta['in_ch'] 1), or (1,H,W,4) = [L/50 - 1, hint a/110,
hint b/110, hint mask] for a hint-ready one (meta['in_ch'] 4, hints.py); info.json states which.
Weights are stored as float16 (tfjs dequantizes them at load).

  /usr/bin/python3 train/export.py --ckpt train/ckpt/ours.pt --out models/colorizer
  /usr/bin/python3 train/export.py --random --out /tmp/standin    # same graph, random weights
"""
import argparse
import base64
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ab_bins import gamut_bins, annealed_mean, prior_log_weights  # noqa: E402
from hints import ENGINE_PATCH, HINT_AB_SCALE  # noqa: E402
from lab import rgb_to_lab  # noqa: E402
from model import WIDTHS, RecolorNet, ConvBN  # noqa: E402

DEFAULT_T = 0.38


def fold(cb: ConvBN):
    """ConvBN -> (kernel HWIO float32, bias) with BatchNorm folded in."""
    w = cb.conv.weight.detach().double()
    bn = cb.bn
    s = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
    w = w * s.view(-1, 1, 1, 1)
    b = bn.bias.detach().double() - bn.running_mean.double() * s
    return w.permute(2, 3, 1, 0).float().numpy(), b.float().numpy()


class Graph:
    """Builds a Keras functional-model config and its weight list."""

    def __init__(self):
        self.layers, self.weights = [], []

    def add(self, cls, name, config, inbound, weights=()):
        config = {'name': name, 'trainable': True, 'dtype': 'float32', **config}
        nodes = [[[src, 0, 0, {}] for src in inbound]] if inbound else []
        self.layers.append({'class_name': cls, 'config': config, 'name': name, 'inbound_nodes': nodes})
        for suffix, arr in weights:
            self.weights.append((f'{name}/{suffix}', np.ascontiguousarray(arr, dtype=np.float32)))
        return name

    def conv(self, name, src, kernel, bias, stride=1, dilation=1, act='relu'):
        kh, kw, cin, cout = kernel.shape
        cfg = {'filters': int(cout), 'kernel_size': [int(kh), int(kw)], 'strides': [stride, stride],
               'padding': 'same', 'data_format': 'channels_last', 'dilation_rate': [dilation, dilation],
               'activation': act, 'use_bias': bias is not None,
               'kernel_initializer': {'class_name': 'Zeros', 'config': {}},
               'bias_initializer': {'class_name': 'Zeros', 'config': {}},
               'kernel_regularizer': None, 'bias_regularizer': None, 'activity_regularizer': None,
               'kernel_constraint': None, 'bias_constraint': None}
        w = [('kernel', kernel)] + ([('bias', bias)] if bias is not None else [])
        return self.add('Conv2D', name, cfg, [src], w)

    def convbn(self, name, src, cb: ConvBN):
        k, b = fold(cb)
        return self.conv(name, src, k, b, cb.stride, cb.dilation, 'relu' if cb.relu else 'linear')

    def up(self, name, src):
        return self.add('UpSampling2D', name, {'size': [2, 2], 'data_format': 'channels_last',
                                               'interpolation': 'nearest'}, [src])


def build_graph(net: RecolorNet, centers: torch.Tensor, T: float, chroma_scale: float = 1.0,
                prior_shift: torch.Tensor | None = None) -> Graph:
    """prior_shift: (Q,) subtracted from the logits before /T (alpha * log of the rebalancing
    weights, ab_bins.prior_log_weights), folded into the last bias like T: free at run time."""
    g = Graph()
    # The input keeps the name 'L' whatever its channel count (1, or 4 with the hint channels).
    g.add('InputLayer', 'L', {'batch_input_shape': [None, None, None, net.in_ch], 'sparse': False}, [])
    x = 'L'
    stages = {}
    for sname in ('enc1', 'enc2', 'enc3', 'enc4'):
        for i, cb in enumerate(getattr(net, sname)):
            x = g.convbn(f'{sname}_{i}', x, cb)
        stages[sname] = x
    for lvl, (red, dec, skip) in enumerate([(net.red4, net.dec3, 'enc3'), (net.red3, net.dec2, 'enc2')]):
        r = g.convbn(f'red{4 - lvl}', x, red)
        u = g.up(f'up{4 - lvl}', r)
        s = g.add('Add', f'skip{4 - lvl}', {}, [u, stages[skip]])
        x = g.convbn(f'dec{3 - lvl}', s, dec)
    hw = net.head.weight.detach().double()[:, :, 0, 0].T / T  # (cin, Q)
    hb = net.head.bias.detach().double()
    if prior_shift is not None:
        hb = hb - prior_shift.double()
    hb = hb / T
    x = g.conv('logits', x, hw.float().numpy()[None, None], hb.float().numpy(), act='linear')
    x = g.add('Softmax', 'bin_probs', {'axis': -1}, [x])
    g.conv('ab', x, (centers.double() * chroma_scale).numpy().astype(np.float32)[None, None], None, act='linear')
    return g



def write_model(g: Graph, out: str, info: dict) -> None:
    os.makedirs(out, exist_ok=True)
    manifest, chunks = [], []
    for name, arr in g.weights:
        chunks.append(arr.astype(np.float16).tobytes())
        manifest.append({'name': name, 'shape': list(arr.shape), 'dtype': 'float32',
                         'quantization': {'dtype': 'float16', 'original_dtype': 'float32'}})
    shard = 'weights.bin'
    with open(os.path.join(out, shard), 'wb') as f:
        f.write(b''.join(chunks))
    topology = {'class_name': 'Model', 'config': {
        'name': 'recolor', 'layers': g.layers, 'input_layers': [['L', 0, 0]],
        'output_layers': [['ab', 0, 0]]}, 'keras_version': '2.15.0', 'backend': 'tensorflow'}
    model = {'format': 'layers-model', 'generatedBy': 'recolor train/export.py',
             'convertedBy': None, 'modelTopology': topology,
             'weightsManifest': [{'paths': [shard], 'weights': manifest}]}
    with open(os.path.join(out, 'model.json'), 'w') as f:
        json.dump(model, f)
    with open(os.path.join(out, 'info.json'), 'w') as f:
        json.dump(info, f, indent=2)


def reference_forward(g: Graph, x: np.ndarray) -> np.ndarray:
    """Run the exported graph (float16-rounded weights) in PyTorch: the golden output."""
    w = {n: torch.from_numpy(a.astype(np.float16).astype(np.float32)) for n, a in g.weights}
    vals = {}
    t = torch.from_numpy(x).permute(0, 3, 1, 2)
    for layer in g.layers:
        cls, cfg, name = layer['class_name'], layer['config'], layer['name']
        ins = [vals[src[0]] for src in layer['inbound_nodes'][0]] if layer['inbound_nodes'] else []
        if cls == 'InputLayer':
            y = t
        elif cls == 'Conv2D':
            k = w[f'{name}/kernel'].permute(3, 2, 0, 1)
            b = w.get(f'{name}/bias')
            s, d = cfg['strides'][0], cfg['dilation_rate'][0]
            eff = d * (k.shape[-1] - 1) + 1
            h, wd = ins[0].shape[-2:]
            ph = max((-(-h // s) - 1) * s + eff - h, 0)
            pw = max((-(-wd // s) - 1) * s + eff - wd, 0)
            y = F.conv2d(F.pad(ins[0], (pw // 2, pw - pw // 2, ph // 2, ph - ph // 2)), k, b, s, 0, d)
            if cfg['activation'] == 'relu':
                y = F.relu(y)
        elif cls == 'UpSampling2D':
            y = F.interpolate(ins[0], scale_factor=2, mode='nearest')
        elif cls == 'Add':
            y = ins[0] + ins[1]
        elif cls == 'Softmax':
            y = torch.softmax(ins[0], dim=1)
        else:
            raise ValueError(cls)
        vals[name] = y
    return vals[g.layers[-1]['name']].permute(0, 2, 3, 1).numpy()


def golden_input(size=256) -> np.ndarray:
    """A deterministic L input from a real photo in the repository (the CLI's gray fixture of a
    pavilion, trees, a lake and sky), squeezed to size x size; a pattern if it is missing."""
    here = os.path.dirname(os.path.abspath(__file__))
    photo = os.path.join(here, '..', 'test', 'fixtures', 'cli', 'input', 'more', 'china-gray.tiff')
    from PIL import Image
    if os.path.exists(photo):
        im = Image.open(photo).convert('RGB').resize((size, size), Image.BILINEAR)
        rgb = torch.from_numpy(np.array(im)).permute(2, 0, 1).float() / 255
    else:
        yy, xx = np.mgrid[0:size, 0:size] / size
        rgb = torch.from_numpy(np.stack([xx, yy, (xx + yy) / 2])).float()
    L = rgb_to_lab(rgb)[0]
    return (L / 50 - 1).numpy()[None, :, :, None].astype(np.float32)


# Hints of the golden case with hints: fractions of the image's width and height and CSS hex sRGB
# colours, as the engine takes them. The last one sits in a corner (its patch is clipped there).
GOLDEN_HINTS = [{'x': 0.5, 'y': 0.15, 'color': '#4a7ab5'}, {'x': 0.22, 'y': 0.8, 'color': '#3c8a3e'},
                {'x': 0.85, 'y': 0.55, 'color': '#c0392b'}, {'x': 1.0, 'y': 0.0, 'color': '#fc0'}]


def hex_ab(color: str) -> tuple[float, float]:
    """CIE Lab a*, b* (D65) of a CSS hex sRGB colour, '#rrggbb' or '#rgb'."""
    h = color.lstrip('#')
    h = ''.join(c * 2 for c in h) if len(h) == 3 else h
    rgb = torch.tensor([int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)], dtype=torch.float64).view(3, 1, 1)
    lab = rgb_to_lab(rgb).view(3)
    return float(lab[1]), float(lab[2])


def hint_pixels(hints, width: int, height: int, patch: int = ENGINE_PATCH):
    """The engine's painting of hints (src/engine/hints.ts), for content of width x height working
    pixels at the top left of the input: each hint is a patch x patch square centred on the pixel
    holding (x*width, y*height), clipped to the content; a later hint overwrites an earlier one.
    Returns [(row, col, a/110, b/110)], the values as float32."""
    cells = {}
    half = patch // 2
    for hint in hints:
        col = min(width - 1, int(hint['x'] * width))
        row = min(height - 1, int(hint['y'] * height))
        a, b = (float(np.float32(v / HINT_AB_SCALE)) for v in hex_ab(hint['color']))
        for r in range(max(0, row - half), min(height, row + half + 1)):
            for c in range(max(0, col - half), min(width, col + half + 1)):
                cells[(r, c)] = (a, b)
    return [(r, c, a, b) for (r, c), (a, b) in sorted(cells.items())]


def with_hints(x: np.ndarray, pixels) -> np.ndarray:
    """x (1,H,W,1) and hint pixels -> the 4-channel input (1,H,W,4)."""
    out = np.concatenate([x, np.zeros(x.shape[:3] + (3,), np.float32)], axis=3)
    for r, c, a, b in pixels:
        out[0, r, c, 1:] = (a, b, 1.0)
    return out


def write_golden(g: Graph, out: str) -> float:
    """golden.json: the L plane of a real photo and PyTorch's output for it without hints and (for a
    hint-ready graph) with GOLDEN_HINTS, whose painted pixels are listed so that a test can rebuild
    the input and another can check the engine paints the same."""
    x = golden_input()
    in_ch = g.layers[0]['config']['batch_input_shape'][-1]
    b64 = lambda a: base64.b64encode(np.ascontiguousarray(a, dtype='<f4').tobytes()).decode()
    cases, peak = [], 0.0
    for name, hints in [('automatic', []), ('hints', GOLDEN_HINTS)][:2 if in_ch == 4 else 1]:
        pixels = hint_pixels(hints, x.shape[2], x.shape[1])
        y = reference_forward(g, with_hints(x, pixels) if in_ch == 4 else x)
        peak = max(peak, float(np.abs(y).max()))
        cases.append({'name': name, 'hints': hints, 'hintPixels': [list(p) for p in pixels],
                      'outputShape': list(y.shape), 'output': b64(y)})
    with open(os.path.join(out, 'golden.json'), 'w') as f:
        json.dump({'encoding': 'base64 little-endian float32', 'inputChannels': in_ch,
                   'lightnessShape': list(x.shape), 'lightness': b64(x),
                   'hintPixels': '[row, col, a/110, b/110] of each painted input pixel (mask 1 there)',
                   'cases': cases}, f)
    return peak


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--ckpt', help='training checkpoint (uses its EMA weights when present)')
    ap.add_argument('--random', action='store_true', help='random weights (a stand-in for development)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--temperature', type=float, default=None, help=f'annealed-mean T (default: checkpoint or {DEFAULT_T})')
    ap.add_argument('--chroma-scale', type=float, default=None,
                    help='multiply the decoded ab by this (default: checkpoint or 1); see eval.py --decodes')
    ap.add_argument('--prior-correction', type=float, default=None,
                    help='alpha: logits - alpha * log(rebalancing weights) before the decode (default: checkpoint or 0); '
                         'see eval.py --decodes T:scale:alpha')
    ap.add_argument('--version', default=None)
    ap.add_argument('--in-ch', type=int, choices=(1, 4), default=4,
                    help='input channels of a --random graph (a checkpoint says its own): 1 = L only, 4 = L and hints')
    args = ap.parse_args()
    centers = gamut_bins()
    ck = torch.load(args.ckpt, map_location='cpu', weights_only=False) if args.ckpt else None
    meta = ck.get('meta', {}) if ck else {}
    in_ch = meta.get('in_ch', 1) if ck else args.in_ch
    net = RecolorNet(len(centers), tuple(meta.get('widths', WIDTHS)), in_ch)
    if ck:
        net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in (ck.get('ema') or ck['model']).items()})
    elif not args.random:
        ap.error('give --ckpt or --random')
    else:
        torch.manual_seed(0)
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 2)
    net.eval()
    T = args.temperature or meta.get('temperature', DEFAULT_T)
    s = args.chroma_scale or meta.get('chroma_scale', 1.0)
    alpha = args.prior_correction if args.prior_correction is not None else meta.get('prior_correction', 0.0)
    g = build_graph(net, centers, T, s, alpha * prior_log_weights(meta, centers) if alpha else None)
    version = args.version or ('random-standin' if args.random else meta.get('version', 'recolor-cnn'))
    info = {'version': version, 'inputSize': 256, 'outputStride': 4, 'inputChannels': in_ch,
            'input': (f'NHWC (1,H,W,4) = [L/50 - 1, hint a/{HINT_AB_SCALE:g}, hint b/{HINT_AB_SCALE:g}, hint mask], '
                      'H and W multiples of 16' if in_ch == 4 else 'x = L/50 - 1, NHWC (1,H,W,1), H and W multiples of 16'),
            'output': 'CIE Lab a*, b* (1,H/4,W/4,2)', 'temperature': T, 'chromaScale': s, 'priorCorrection': alpha, 'bins': len(centers),
            'parameters': int(sum(a.size for _, a in g.weights)), 'weightDtype': 'float16'}
    if in_ch == 4:
        info['hints'] = {'channels': f'L/50-1, a/{HINT_AB_SCALE:g}, b/{HINT_AB_SCALE:g}, mask',
                         'abScale': int(HINT_AB_SCALE) if HINT_AB_SCALE.is_integer() else HINT_AB_SCALE,
                         'patch': ENGINE_PATCH, 'empty': 'hint channels all zero = automatic colorizing',
                         'painting': f'a hint at fractions (x, y) of the image is a {ENGINE_PATCH}x{ENGINE_PATCH} px square '
                                     'of its colour (CIE Lab a*, b*, D65, over abScale; mask 1) centred on working pixel '
                                     '(floor(x*w), floor(y*h)) of the w x h image content at the top left of the 256 input, '
                                     'clipped to the content; a later hint overwrites an earlier one'}
    write_model(g, args.out, info)
    peak = write_golden(g, args.out)
    size = sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out))
    print(f'exported {version} to {args.out}: {info["parameters"]} weights, T={T}, chroma x{s}, prior correction {alpha}, {size/2**20:.2f} MiB in folder, golden |ab|max={peak:.1f}')


if __name__ == '__main__':
    main()
