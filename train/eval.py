"""Score every system on val-scenes (the headline: held-out natural scenes, objects, animals,
food) and on val (face-heavy), overall, per group and per source tag:

- PSNR (8-bit RGB, mean over photos) and its gain over gray;
- colourfulness (Hasler and Suesstrunk 2003, mean over photos) against the truth's;
- AuC of the per-pixel ab error over thresholds 0..150 (Zhang et al. 2016), pooled over pixels;
- the hue split of the output's chroma: the share of sum(chroma) whose ab hue lies in each of
  four bands (magenta-crimson 300..20 deg, orange-yellow 20..100, green 100..200, blue 200..300),
  pooled over pixels, next to the truth's;
- for systems with a hint input (4 channels): PSNR on val-scenes with 0, 1, 5 and 10 hints taken
  from the truth at fixed random points, painted as the engine paints a user's hint.

Systems: gray; v1 (k-means palette of the left half applied to the right half); v2 and v3 when
their checkpoints exist in --ckpt-dir; "shipped", the TensorFlow.js model in models/colorizer run
in PyTorch from its model.json and float16 weights; "ours", a training checkpoint with the decode
the export would use (and more decodes with --decodes). Prints Markdown tables and writes them
to models/eval.md, the numbers to models/eval.json, contact sheets (models/contact-sheet.png of
the freely licensed deb-* photos, out/contact-sheet-<set>.png of 12 photos of each set).

  npm run eval                                  # everything (= /usr/bin/python3 train/eval.py)
  /usr/bin/python3 train/eval.py --stride 8 --decodes 1:0.85,0.8:1:1   # every 8th photo, a sweep (T:scale[:alpha])
  /usr/bin/python3 train/eval.py --save-baseline   # store the shipped model's results (once)
"""
import argparse
import json
import math
import os
import sys
import time
import zlib

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ab_bins import gamut_bins, prior_log_weights  # noqa: E402
from data import list_images, read_manifest  # noqa: E402
from export import DEFAULT_T, reference_forward  # noqa: E402
from hints import ENGINE_PATCH, HINT_AB_SCALE  # noqa: E402
from lab import rgb_to_lab, lab_to_rgb, l_to_input  # noqa: E402
from model import WIDTHS, build_model  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHOTOS = os.path.join(ROOT, '..', 'shared', 'data', 'photos')
WORK = 256          # working size: long side
MULT = 16           # the networks need multiples of 16
KMEANS_COLORS = 8   # v1 palette size
AUC_MAX = 150
HUE_BANDS = ('magenta', 'orange', 'green', 'blue')   # 300..20, 20..100, 100..200, 200..300 deg
HUE_EDGES = (20.0, 100.0, 200.0, 300.0)
HINT_COUNTS = (0, 1, 5, 10)
SHEET_PHOTOS = 12


# ---------------------------------------------------------------- the systems

class TfjsModel:
    """A TensorFlow.js LayersModel written by export.py (model.json + float16 weights.bin), run in
    PyTorch by export.reference_forward: x (N,C,H,W) -> ab (N,2,H/4,W/4), decode included."""

    def __init__(self, folder: str):
        with open(os.path.join(folder, 'model.json')) as f:
            model = json.load(f)
        self.layers = model['modelTopology']['config']['layers']
        self.weights = []
        for group in model['weightsManifest']:
            raw = b''.join(open(os.path.join(folder, p), 'rb').read() for p in group['paths'])
            pos = 0
            for w in group['weights']:
                dtype = np.float16 if w.get('quantization', {}).get('dtype') == 'float16' else np.dtype(w['dtype'])
                n = int(np.prod(w['shape']))
                arr = np.frombuffer(raw, dtype=dtype, count=n, offset=pos).reshape(w['shape'])
                self.weights.append((w['name'], arr.astype(np.float32)))
                pos += n * np.dtype(dtype).itemsize
            if pos != len(raw):
                raise ValueError(f'{folder}: the manifest covers {pos} of {len(raw)} weight bytes')
        info_path = os.path.join(folder, 'info.json')
        self.info = json.load(open(info_path)) if os.path.exists(info_path) else {}
        # Input channels: what the convolutions reading the input expect (1, or 4 with hints).
        src = self.layers[0]['name']
        kernels = dict(self.weights)
        self.in_ch = next(int(kernels[f'{l["name"]}/kernel'].shape[2]) for l in self.layers
                          if l['inbound_nodes'] and l['inbound_nodes'][0][0][0] == src)

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[1] < self.in_ch:   # automatic: empty hint channels
            x = torch.cat([x, x.new_zeros(x.shape[0], self.in_ch - x.shape[1], *x.shape[2:])], 1)
        y = reference_forward(self, x[:, : self.in_ch].permute(0, 2, 3, 1).contiguous().numpy())
        return torch.from_numpy(y).permute(0, 3, 1, 2)


class Ours:
    """A training checkpoint (EMA weights) with an annealed-mean decode (T, chroma scale, prior
    correction alpha): softmax((logits - alpha log w) / T) over the bins, expectation, times scale."""

    def __init__(self, path: str, centers: torch.Tensor):
        self.net, self.meta, self.state = load_net('ours', path, len(centers))
        self.in_ch = self.meta.get('in_ch', 1)
        self.centers = centers
        self.decode = (float(self.meta.get('temperature', DEFAULT_T)), float(self.meta.get('chroma_scale', 1.0)),
                       float(self.meta.get('prior_correction', 0.0)))
        self.log_w = prior_log_weights(self.meta, centers)[None, :, None, None]

    def logits(self, x):
        if x.shape[1] < self.in_ch:
            x = torch.cat([x, x.new_zeros(x.shape[0], self.in_ch - x.shape[1], *x.shape[2:])], 1)
        return self.net(x[:, : self.in_ch])

    def ab(self, logits, decode=None):
        """ab_bins.annealed_mean(logits - alpha log w, centers, T) * s, as one matrix product (einsum
        is slow here)."""
        T, s, alpha = decode or self.decode
        B, Q, H, W = logits.shape
        p = torch.softmax((logits.float() - alpha * self.log_w) / T, dim=1).reshape(B, Q, H * W)
        return (torch.matmul(self.centers.T * s, p)).reshape(B, 2, H, W)


def load_net(kind, path, nbins):
    ck = torch.load(path, map_location='cpu', weights_only=False)
    meta = ck.get('meta', {})
    net = build_model(kind, nbins, meta.get('widths', WIDTHS), meta.get('in_ch', 1) if kind == 'ours' else 1)
    net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in (ck.get('ema') or ck['model']).items()})
    return net.eval(), meta, ck.get('state', {})


def decode_name(d):
    return f'ours@T={d[0]:g},s={d[1]:g}' + (f',a={d[2]:g}' if d[2] else '')


# ---------------------------------------------------------------- pictures

def load_rgb(path):
    return torch.from_numpy(np.array(Image.open(path).convert("RGB"))).permute(2, 0, 1).float() / 255


def to_u8(rgb):
    return (rgb * 255).round().clamp(0, 255).to(torch.uint8)


def working_size(H, W):
    s = WORK / max(H, W)
    return max(1, round(H * s)), max(1, round(W * s))


def to_working(img: torch.Tensor):
    """Full-res (C,H,W) -> (1,C,h,w) at long side 256, as the engine resamples."""
    return F.interpolate(img[None], size=working_size(*img.shape[-2:]), mode='bilinear', antialias=True, align_corners=False)


def working_input(L: torch.Tensor):
    """Full-res L (1,H,W) -> network input at long side 256, edge-padded to multiples of 16."""
    small = to_working(L)
    h, w = small.shape[-2:]
    x = F.pad(l_to_input(small), (0, -w % MULT, 0, -h % MULT), mode='replicate')
    return x, (h, w)


def compose(L: torch.Tensor, ab_small: torch.Tensor, valid_hw, stride: int):
    """Upsample the valid part of ab to full size, add the original L, convert to 8-bit RGB."""
    H, W = L.shape[-2:]
    vh, vw = -(-valid_hw[0] // stride), -(-valid_hw[1] // stride)
    ab = F.interpolate(ab_small[:, :, :vh, :vw], size=(H, W), mode='bilinear', align_corners=False)[0]
    return to_u8(lab_to_rgb(torch.cat([L, ab], 0)))


def hint_points(name: str, count: int = max(HINT_COUNTS)) -> np.ndarray:
    """(count, 2) hint positions (x, y) as fractions of the photo's width and height: fixed per
    photo name, so every system and every run gets the same points; the first k are the k-hint set."""
    return np.random.default_rng(zlib.crc32(name.encode())).random((count, 2))


def paint_hints(ab_work: torch.Tensor, points: np.ndarray, padded_hw) -> torch.Tensor:
    """Truth ab at the working size (1,2,h,w) and hint points -> hint channels (1,3,Hp,Wp) as the
    engine paints a user's hint: an ENGINE_PATCH-px square (clipped to the photo) filled with the
    truth's mean ab over that square, divided by HINT_AB_SCALE, and mask 1 there."""
    h, w = ab_work.shape[-2:]
    out = torch.zeros(1, 3, *padded_hw)
    r = ENGINE_PATCH // 2
    for fx, fy in points:
        px, py = min(int(fx * w), w - 1), min(int(fy * h), h - 1)
        y0, y1, x0, x1 = max(py - r, 0), min(py + r + 1, h), max(px - r, 0), min(px + r + 1, w)
        out[0, :2, y0:y1, x0:x1] = ab_work[0, :, y0:y1, x0:x1].mean((1, 2), keepdim=True) / HINT_AB_SCALE
        out[0, 2, y0:y1, x0:x1] = 1
    return out


def kmeans_half(rgb: torch.Tensor, L: torch.Tensor, k=KMEANS_COLORS, iters=15, seed=0):
    """v1: palette from the left (color) half, applied to the right (gray) half by lightness."""
    W = rgb.shape[-1]
    half = W // 2
    lab = rgb_to_lab(rgb)
    pts = lab[:, :, :half].reshape(3, -1).T
    g = torch.Generator().manual_seed(seed)
    pts = pts[torch.randperm(len(pts), generator=g)[:20000]]
    cent = pts[torch.randperm(len(pts), generator=g)[:k]].clone()
    for _ in range(iters):
        assign = torch.cdist(pts, cent).argmin(1)
        n = torch.bincount(assign, minlength=k).unsqueeze(1).float()
        sums = torch.zeros_like(cent).index_add_(0, assign, pts)
        cent = torch.where(n > 0, sums / n.clamp_min(1), cent)
    Lr = L[:, :, half:]
    pick = (Lr.reshape(-1, 1) - cent[:, 0][None]).abs().argmin(1)
    ab = cent[pick, 1:].T.reshape(2, *Lr.shape[-2:])
    return to_u8(lab_to_rgb(torch.cat([Lr, ab], 0))), half


def photo_outputs(gt, systems, decodes=(), hint_sets=None):
    """Every system's picture of one photo (8-bit RGB, its own size) by system name, the photo's
    ab, where v1's half starts, and {system: {hint count: picture}} for hint-ready systems."""
    lab = rgb_to_lab(gt.float() / 255)
    L, gt_ab = lab[:1], lab[1:]
    outs = {'gray': to_u8(lab_to_rgb(torch.cat([L, torch.zeros_like(gt_ab)], 0)))}
    half = None
    if 'v1' in systems:
        v1, half = kmeans_half(gt.float() / 255, L)
        outs['v1'] = gt.clone()
        outs['v1'][:, :, half:] = v1
    x, hw = working_input(L)
    hinted = {}
    with torch.no_grad():
        for kind in ('v2', 'v3'):
            if kind in systems:
                outs[kind] = compose(L, systems[kind](x), hw, 1)
        if 'shipped' in systems:
            outs['shipped'] = compose(L, systems['shipped'](x), hw, 4)
        if 'ours' in systems:
            ours = systems['ours']
            logits = ours.logits(x)
            outs['ours'] = compose(L, ours.ab(logits), hw, 4)
            for d in decodes:
                outs[decode_name(d)] = compose(L, ours.ab(logits, d), hw, 4)
        if hint_sets:
            ab_work = to_working(gt_ab)
            for name, (sys_, pts) in hint_sets.items():
                hinted[name] = {0: outs[name]}
                for k in HINT_COUNTS[1:]:
                    xk = torch.cat([x, paint_hints(ab_work, pts[:k], x.shape[-2:])], 1)
                    ab = sys_.ab(sys_.logits(xk)) if isinstance(sys_, Ours) else sys_(xk)
                    hinted[name][k] = compose(L, ab, hw, 4)
    return outs, gt_ab, half, hinted


# ---------------------------------------------------------------- metrics

def colorfulness(u8: torch.Tensor) -> float:
    r, g, b = u8.double().unbind(0)
    rg, yb = r - g, 0.5 * (r + g) - b
    return float(torch.sqrt(rg.var(unbiased=False) + yb.var(unbiased=False)) + 0.3 * torch.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    mse = ((a.double() - b.double()) ** 2).mean().item()
    return 10 * np.log10(255 ** 2 / max(mse, 1e-10))


def hue_band(ab: torch.Tensor) -> torch.Tensor:
    """ab (2, ...) -> index into HUE_BANDS of each pixel's hue angle atan2(b, a)."""
    hue = torch.rad2deg(torch.atan2(ab[1], ab[0])) % 360
    return torch.bucketize(hue, torch.tensor(HUE_EDGES, dtype=hue.dtype), right=True) % len(HUE_BANDS)


def hue_sums(ab: torch.Tensor) -> torch.Tensor:
    """ab (2,H,W) -> (4,) sum of chroma sqrt(a^2 + b^2) per hue band."""
    chroma = torch.sqrt(ab[0].double() ** 2 + ab[1].double() ** 2)
    return torch.bincount(hue_band(ab).flatten(), weights=chroma.flatten(), minlength=len(HUE_BANDS))


def auc_counts(err: torch.Tensor) -> torch.Tensor:
    """Per-pixel ab errors -> (AUC_MAX+1,) counts of pixels with error <= t for t = 0..AUC_MAX."""
    idx = torch.ceil(err.flatten()).long().clamp(0, AUC_MAX + 1)
    return torch.bincount(idx, minlength=AUC_MAX + 2).cumsum(0)[: AUC_MAX + 1]


def score(out: torch.Tensor, ref: torch.Tensor, ref_ab: torch.Tensor) -> dict:
    """One picture against the truth: the sums a slice's figures are made of."""
    ab = rgb_to_lab(out.float() / 255)[1:]
    d = ab - ref_ab
    err = torch.sqrt(d[0] * d[0] + d[1] * d[1])
    return {'psnr': psnr(out, ref), 'cf': colorfulness(out), 'auc': auc_counts(err),
            'px': err.numel(), 'hue': hue_sums(ab)}


def summarize(recs: list[dict]) -> dict:
    """The per-photo scores of one system over a slice -> its figures."""
    hue = sum(r['hue'] for r in recs)
    chroma = float(hue.sum())
    px = sum(r['px'] for r in recs)
    return {'psnr': float(np.mean([r['psnr'] for r in recs])), 'cf': float(np.mean([r['cf'] for r in recs])),
            'auc': float((sum(r['auc'] for r in recs).double() / px).mean()),
            'mean_chroma': chroma / px,
            'hue': {b: (float(v) / chroma if chroma > 0 else 0.0) for b, v in zip(HUE_BANDS, hue)}}


# ---------------------------------------------------------------- one set

def evaluate_set(files, manifest, systems, decodes, hint_sets, sheet_cols, log):
    """Score every system on the files; returns (figures by slice, contact-sheet rows)."""
    recs = []
    sheet_files = set(files[:: max(1, len(files) // SHEET_PHOTOS)][:SHEET_PHOTOS])
    sheet_rows = []
    t0 = time.time()
    for i, f in enumerate(files):
        base = os.path.basename(f)
        gt = to_u8(load_rgb(f))
        hs = {k: (s, hint_points(base)) for k, s in hint_sets.items()}
        outs, gt_ab, half, hinted = photo_outputs(gt, systems, decodes, hs)
        entry = manifest.get(os.path.splitext(base)[0], {})
        row = {'group': entry.get('group', 'other'),
               'source': entry.get('source_tag', base.split('-')[0]),
               'truth': {'cf': colorfulness(gt), 'hue': hue_sums(gt_ab), 'px': gt_ab[0].numel()}, 'sys': {}}
        for s, out in outs.items():
            if s == 'v1':  # scored on the half it recolored
                row['sys'][s] = score(out[:, :, half:], gt[:, :, half:], gt_ab[:, :, half:])
            else:
                row['sys'][s] = score(out, gt, gt_ab)
        row['hints'] = {s: {k: psnr(o, gt) for k, o in by_k.items()} for s, by_k in hinted.items()}
        recs.append(row)
        if f in sheet_files:
            top = max(HINT_COUNTS)
            sheet_rows.append([outs[s] for s in sheet_cols] + [hinted[s][top] for s in hint_sets] + [gt])
        if (i + 1) % 50 == 0:
            log(f'  {i + 1}/{len(files)} photos, {time.time() - t0:.0f}s')
    return slices(recs), sheet_rows


def figures(recs):
    systems = list(recs[0]['sys'])
    out = {s: summarize([r['sys'][s] for r in recs]) for s in systems}
    gray = out['gray']['psnr']
    for s in systems:
        out[s]['vs_gray'] = out[s]['psnr'] - gray
    out['truth'] = no_truth_summary([r['truth'] for r in recs])
    for s in systems:
        out[s]['cf_ratio'] = out[s]['cf'] / out['truth']['cf'] if out['truth']['cf'] > 0 else math.nan
    return out


def hint_figures(recs):
    out = {}
    for s in recs[0]['hints']:
        by_k = {k: float(np.mean([r['hints'][s][k] for r in recs])) for k in HINT_COUNTS}
        out[s] = {'psnr': {str(k): v for k, v in by_k.items()},
                  'gain': {str(k): v - by_k[0] for k, v in by_k.items() if k}}
    return out


def slices(recs):
    def by(key):
        keys = sorted({r[key] for r in recs})
        return {k: {'photos': n, 'systems': figures(rs)} for k in keys
                for rs in [[r for r in recs if r[key] == k]] for n in [len(rs)]}
    res = {'photos': len(recs), 'overall': figures(recs), 'groups': by('group'), 'sources': by('source')}
    for k, v in res['sources'].items():
        v['group'] = next(r['group'] for r in recs if r['source'] == k)
    if recs and recs[0]['hints']:
        res['hints'] = hint_figures(recs)
    return res


def pick_decode(overall, default, decodes):
    """Among ours' decodes, the best PSNR with CF at least 0.70 of the truth's and at most 9% of the
    chroma magenta-crimson (the issue's bars); the best PSNR when none passes."""
    cands = [('ours', default)] + [(decode_name(d), d) for d in decodes]
    ok = [c for c in cands if overall[c[0]]['cf_ratio'] >= 0.70 and overall[c[0]]['hue']['magenta'] <= 0.09]
    return max(ok or cands, key=lambda c: overall[c[0]]['psnr'])[1]


def rounded(obj, digits=4):
    """Floats rounded for a readable JSON file (NaN as null)."""
    if isinstance(obj, float):
        return None if math.isnan(obj) else round(obj, digits)
    if isinstance(obj, dict):
        return {k: rounded(v, digits) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [rounded(v, digits) for v in obj]
    return obj


def baseline_of(out: dict) -> dict:
    """A run's figures for gray, the shipped model and the truth only: what later runs compare with."""
    keep = lambda figs: {k: v for k, v in figs.items() if k in ('gray', 'shipped', 'truth')}
    sets = {}
    for name, r in out['sets'].items():
        sets[name] = {'photos': r['photos'], 'overall': keep(r['overall']),
                      **{part: {k: {**v, 'systems': keep(v['systems'])} for k, v in r[part].items()}
                         for part in ('groups', 'sources')}}
        if 'shipped' in r.get('hints', {}):
            sets[name]['hints'] = {'shipped': r['hints']['shipped']}
    return {'shipped_version': out['shipped_version'], 'limit': out['limit'], 'stride': out['stride'], 'sets': sets}


# ---------------------------------------------------------------- tables

def head(*cols):
    """A Markdown table's header and separator rows."""
    return ['| ' + ' | '.join(cols) + ' |', '|' + '---|' * len(cols)]


def signed(v):
    return f'{round(v, 2) + 0.0:+.2f}'   # no '-0.00'


def pct(v):
    return f'{100 * v:.1f}'


def hue_cells(r):
    return ' | '.join(pct(r['hue'][b]) if r['mean_chroma'] >= 0.5 else '-' for b in HUE_BANDS)


HUE_HEAD = ('magenta %', 'orange %', 'green %', 'blue %')
METRICS_HEAD = ('PSNR dB', 'vs gray', 'CF', 'CF / truth', 'AuC %') + HUE_HEAD


def system_rows(figs, systems):
    t = figs['truth']
    rows = []
    for s in systems:
        r = figs[s]
        rows.append(f'{s} | {r["psnr"]:.2f} | {signed(r["vs_gray"])} | {r["cf"]:.1f} | {r["cf_ratio"]:.2f} | '
                    f'{100 * r["auc"]:.1f} | {hue_cells(r)}')
    rows.append(f'truth | - | - | {t["cf"]:.1f} | 1.00 | 100.0 | {hue_cells(t)}')
    return rows


def tables(res: dict, systems_all, systems_main, baseline: dict | None, header: str) -> str:
    md = [header, '']
    for set_name, r in res.items():
        md += [f'### {set_name}: {r["photos"]} photos', '',
               *head('system', *METRICS_HEAD)]
        md += [f'| {row} |' for row in system_rows(r['overall'], [s for s in systems_all if s in r['overall']])]
        md += ['', f'{set_name} by group:', '',
               *head('group', 'photos', 'system', *METRICS_HEAD)]
        for g, gr in r['groups'].items():
            md += [f'| {g} | {gr["photos"]} | {row} |' for row in system_rows(gr['systems'], systems_main)]
        shown = [s for s in systems_main if s != 'gray']
        md += ['', f'{set_name} by source (dB vs gray, CF / truth, magenta % of chroma):', '',
               *head('source', 'group', 'photos', 'gray dB', *[f'{s} vs gray' for s in shown],
                     *[f'{s} CF/t' for s in shown], *[f'{s} mag %' for s in shown], 'truth mag %')]
        for src, sr in r['sources'].items():
            f = sr['systems']
            md.append(f'| {src} | {sr["group"]} | {sr["photos"]} | {f["gray"]["psnr"]:.2f} | '
                      + ' | '.join(signed(f[s]["vs_gray"]) for s in shown) + ' | '
                      + ' | '.join(f'{f[s]["cf_ratio"]:.2f}' for s in shown) + ' | '
                      + ' | '.join(pct(f[s]['hue']['magenta']) for s in shown) + f' | {pct(f["truth"]["hue"]["magenta"])} |')
        if 'hints' in r:
            md += ['', f'{set_name} with hints from the truth (PSNR dB; gain over automatic):', '',
                   *head('system', *[f'{k} hints' for k in HINT_COUNTS], *[f'gain {k}' for k in HINT_COUNTS[1:]])]
            for s, h in r['hints'].items():
                md.append(f'| {s} | ' + ' | '.join(f'{h["psnr"][str(k)]:.2f}' for k in HINT_COUNTS) + ' | '
                          + ' | '.join(signed(h["gain"][str(k)]) for k in HINT_COUNTS[1:]) + ' |')
        md.append('')
    if baseline:
        md += baseline_table(res, baseline, [s for s in systems_main if s != 'gray'])
    return '\n'.join(md)


def baseline_table(res, baseline, shown):
    """PSNR of each system minus the baseline model's, overall and per group, on both sets."""
    base = baseline['sets']
    md = [f'PSNR against the baseline `{baseline.get("shipped_version", "?")}` (its dB; the others minus it):', '',
          *head('set', 'slice', 'photos', 'baseline dB', *[f'{s} Δ dB' for s in shown])]
    for set_name, r in res.items():
        if set_name not in base:
            continue
        slices_ = [('overall', r['photos'], r['overall'], base[set_name]['overall'])] + \
                  [(g, gr['photos'], gr['systems'], base[set_name]['groups'][g]['systems'])
                   for g, gr in r['groups'].items() if g in base[set_name]['groups']]
        for name, n, figs, bfigs in slices_:
            b = bfigs['shipped']['psnr']
            md.append(f'| {set_name} | {name} | {n} | {b:.2f} | ' + ' | '.join(signed(figs[s]["psnr"] - b) for s in shown) + ' |')
    return md + ['']


# ---------------------------------------------------------------- contact sheets

# ---------------------------------------------------------------- real black-and-white prints

PRINT_SIDE = 512    # prints are read at this long side: the networks see 256 anyway


def evaluate_prints(files, systems, log):
    """The colour each network puts on real black-and-white prints (no truth to score against):
    CF, mean chroma and the hue split of the output, pooled over the prints. -> (figures by
    system, contact-sheet rows)."""
    nets = {k: v for k, v in systems.items() if k in ('shipped', 'ours')}
    recs = {k: [] for k in nets}
    sheet_files = set(files[:: max(1, len(files) // SHEET_PHOTOS)][:SHEET_PHOTOS])
    rows = []
    for f in files:
        im = Image.open(f).convert('RGB')
        im.thumbnail((PRINT_SIDE, PRINT_SIDE), Image.BICUBIC)
        gt = torch.from_numpy(np.array(im)).permute(2, 0, 1)
        outs = photo_outputs(gt, nets)[0]
        for k in nets:
            ab = rgb_to_lab(outs[k].float() / 255)[1:]
            recs[k].append({'cf': colorfulness(outs[k]), 'hue': hue_sums(ab), 'px': ab[0].numel()})
        if f in sheet_files:
            rows.append([gt] + [outs[k] for k in nets])
    log(f'prints: {len(files)} real black-and-white prints')
    return {k: no_truth_summary(r) for k, r in recs.items()}, rows


def no_truth_summary(recs: list[dict]) -> dict:
    """summarize's CF, mean chroma and hue split of pictures with no truth to score against."""
    f = summarize([{**r, 'psnr': math.nan, 'auc': torch.zeros(AUC_MAX + 1)} for r in recs])
    return {k: f[k] for k in ('cf', 'mean_chroma', 'hue')}


def prints_table(prints: dict, n: int, reference: dict | None, ref_name: str) -> list[str]:
    md = [f'### prints: {n} real black-and-white prints (no truth: the colour each model puts on them)', '',
          *head('system', 'CF', 'mean chroma', *HUE_HEAD)]
    md += [f'| {s} | {r["cf"]:.1f} | {r["mean_chroma"]:.1f} | {hue_cells(r)} |' for s, r in prints.items()]
    if reference:
        md.append(f'| {ref_name} truth (for the hue split) | {reference["cf"]:.1f} | {reference["mean_chroma"]:.1f} | '
                  f'{hue_cells(reference)} |')
    return md + ['']


def thumb(u8, h=128):
    im = Image.fromarray(u8.permute(1, 2, 0).numpy())
    return im.resize((max(1, round(im.width * h / im.height)), h), Image.BILINEAR)


def write_sheet(rows, cols, path, h=128):
    if not rows:
        return
    thumbs = [[thumb(c, h) for c in r] for r in rows]
    widths = [max(r[j].width for r in thumbs) for j in range(len(cols))]
    sheet = Image.new('RGB', (sum(widths) + 4 * len(cols), 18 + (h + 4) * len(rows)), 'white')
    d = ImageDraw.Draw(sheet)
    x = 0
    for j, name in enumerate(cols):
        d.text((x + 2, 3), name, fill='black')
        for i, r in enumerate(thumbs):
            sheet.paste(r[j], (x, 18 + i * (h + 4)))
        x += widths[j] + 4
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    sheet.save(path, optimize=True)


def deb_files(photos):
    """The freely licensed deb-*.jpg photos (those in val, then train ones up to 12)."""
    files = [f for f in list_images(os.path.join(photos, 'val')) if os.path.basename(f).startswith('deb-')]
    train = [f for f in list_images(os.path.join(photos, 'train')) if os.path.basename(f).startswith('deb-')]
    return files + train[:: max(1, len(train) // 9)][: SHEET_PHOTOS - len(files)]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--photos', default=PHOTOS, help='folder holding the sets and MANIFEST.tsv')
    ap.add_argument('--sets', default='val-scenes,val', help='comma list of sets (sub-folders of --photos); the first is the headline')
    ap.add_argument('--shipped', default=os.path.join(ROOT, 'models', 'colorizer'), help='tfjs model folder ("" to skip)')
    ap.add_argument('--ours', default=os.path.join(ROOT, 'train', 'checkpoint', 'ours.pt'), help='checkpoint of ours')
    ap.add_argument('--ckpt-dir', default=os.path.join(ROOT, 'train', 'ckpt'), help='where v2.pt and v3.pt are, if anywhere')
    ap.add_argument('--decode', default=None, help="T:scale for ours (default: the checkpoint's, else the export's)")
    ap.add_argument('--decodes', default=None,
                    help='comma list of T:scale[:alpha]: also score ours with these annealed-mean temperatures, '
                         'chroma scales and prior corrections (e.g. 1:0.85,0.8:1:1); the pick on the headline set is printed')
    ap.add_argument('--prints', default=None,
                    help='folder of real black-and-white prints: the colour the networks put on them, all of them '
                         'whatever --stride (default: prints/bw beside --photos; "" to skip)')
    ap.add_argument('--no-v1', action='store_true', help='skip v1 (k-means half)')
    ap.add_argument('--limit', type=int, help='first N photos of each set')
    ap.add_argument('--stride', type=int, default=1, help='score every k-th photo (quicker sweeps)')
    ap.add_argument('--json', default=os.path.join(ROOT, 'models', 'eval.json'))
    ap.add_argument('--md', default=os.path.join(ROOT, 'models', 'eval.md'))
    ap.add_argument('--baseline', default=os.path.join(ROOT, 'models', 'eval-baseline-2026-11-27b.json'),
                    help='results of an earlier shipped model to compare with, per group')
    ap.add_argument('--save-baseline', action='store_true', help='write this run as --baseline (full sets only)')
    ap.add_argument('--sheet', default=os.path.join(ROOT, 'models', 'contact-sheet.png'))
    ap.add_argument('--sheet-dir', default=os.path.join(ROOT, 'out'), help='contact-sheet-<set>.png go here')
    ap.add_argument('--threads', type=int, default=1,
                    help='torch threads (1 is fastest for these small pictures, most of all while training runs)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t_start = time.time()
    log = lambda m: print(m, flush=True)
    centers = gamut_bins()
    parse = lambda s: (tuple(float(v) for v in s.split(':')) + (0.0,))[:3]   # T:scale[:alpha]

    systems = {} if a.no_v1 else {'v1': None}
    for kind in ('v2', 'v3'):
        p = os.path.join(a.ckpt_dir, f'{kind}.pt')
        if os.path.exists(p):
            systems[kind] = load_net(kind, p, len(centers))[0]
        else:
            log(f'note: no checkpoint {p}; {kind} skipped')
    shipped_version = None
    if a.shipped and os.path.exists(os.path.join(a.shipped, 'model.json')):
        systems['shipped'] = TfjsModel(a.shipped)
        shipped_version = systems['shipped'].info.get('version', '?')
    else:
        log(f'note: no tfjs model in {a.shipped!r}; shipped skipped')
    ours_meta = None
    if a.ours and os.path.exists(a.ours):
        ours = systems['ours'] = Ours(a.ours, centers)
        if a.decode:
            ours.decode = parse(a.decode)
        ours_meta = {'path': os.path.relpath(a.ours, ROOT), 'step': ours.state.get('step'),
                     'minutes': round(ours.state.get('elapsed', 0) / 60, 1), 'in_ch': ours.in_ch,
                     'widths': list(ours.meta.get('widths', WIDTHS)), 'decode': list(ours.decode)}
    else:
        log(f'note: no checkpoint {a.ours}; ours skipped')
    decodes = sorted({parse(d) for d in a.decodes.split(',')} - {systems['ours'].decode}) \
        if a.decodes and 'ours' in systems else []
    hint_ready = {k: s for k, s in systems.items() if k in ('shipped', 'ours') and s.in_ch == 4}

    order = ['gray', 'v1', 'v2', 'v3', 'shipped', 'ours'] + [decode_name(d) for d in decodes]
    systems_all = [s for s in order if s == 'gray' or s in systems or s.startswith('ours@')]
    systems_main = [s for s in ('gray', 'v2', 'v3', 'shipped', 'ours') if s == 'gray' or s in systems]
    sheet_cols = [s for s in ('gray', 'v1', 'v2', 'v3', 'shipped', 'ours') if s == 'gray' or s in systems]
    col_names = [{'v1': 'v1 (sees half)', 'shipped': f'shipped {shipped_version}'}.get(s, s) for s in sheet_cols] + ['truth']

    res = {}
    for i, set_name in enumerate(a.sets.split(',')):
        folder = os.path.join(a.photos, set_name)
        files = list_images(folder, a.limit)[:: a.stride]
        manifest = read_manifest(folder)
        log(f'{set_name}: {len(files)} photos')
        res[set_name], rows = evaluate_set(files, manifest, systems, decodes if i == 0 else (),
                                           hint_ready if i == 0 else {}, sheet_cols, log)
        hint_cols = [f'{s} + {max(HINT_COUNTS)} hints' for s in (hint_ready if i == 0 else {})]
        write_sheet(rows, col_names[:-1] + hint_cols + col_names[-1:], os.path.join(a.sheet_dir, f'contact-sheet-{set_name}.png'))
    prints, n_prints = None, 0
    prints_dir = os.path.join(a.photos, '..', 'prints', 'bw') if a.prints is None else a.prints
    if prints_dir and os.path.isdir(prints_dir) and any(k in systems for k in ('shipped', 'ours')):
        print_files = list_images(prints_dir, a.limit)
        prints, rows = evaluate_prints(print_files, systems, log)
        n_prints = len(print_files)
        write_sheet(rows, ['print'] + [s for s in ('shipped', 'ours') if s in prints],
                    os.path.join(a.sheet_dir, 'contact-sheet-prints.png'))
    headline = a.sets.split(',')[0]
    picked = pick_decode(res[headline]['overall'], systems['ours'].decode, decodes) if decodes else None
    runtime = time.time() - t_start

    baseline = json.load(open(a.baseline)) if a.baseline and os.path.exists(a.baseline) and 'shipped' in systems else None
    desc = [f'Generated by `npm run eval` (train/eval.py) in {runtime:.0f} s; do not edit by hand.', '']
    if shipped_version:
        desc.append(f'- shipped: `{shipped_version}` (models/colorizer, tfjs graph run in PyTorch, '
                    f'T={systems["shipped"].info.get("temperature")}, chroma x{systems["shipped"].info.get("chromaScale")})')
    if ours_meta:
        desc.append(f'- ours: `{ours_meta["path"]}` at step {ours_meta["step"]}, {ours_meta["minutes"]} min trained, '
                    f'{ours_meta["in_ch"]} input channels, widths {ours_meta["widths"]}, decode T={ours.decode[0]:g}, chroma x{ours.decode[1]:g}, prior correction {ours.decode[2]:g}')
    if picked:
        desc.append(f'- decode picked on {headline} (best PSNR with CF/truth >= 0.70 and magenta <= 9%, else best PSNR): '
                    f'T={picked[0]:g}, chroma x{picked[1]:g}, prior correction {picked[2]:g}')
    desc += ['- PSNR and CF: means over photos; AuC and the hue split (share of the chroma in each ab hue band: '
             'magenta-crimson 300..20 deg, orange-yellow 20..100, green 100..200, blue 200..300): pooled over pixels',
             '- v1 sees the left half of the truth and is scored on the right half' if 'v1' in systems else '']
    md = tables(res, systems_all, systems_main, baseline, '## Evaluation\n\n' + '\n'.join(d for d in desc if d))
    if prints:
        md += '\n' + '\n'.join(prints_table(prints, n_prints, res[headline]['overall']['truth'], headline))
    print('\n' + md)
    out = {'shipped_version': shipped_version, 'ours': ours_meta, 'decodes': [list(d) for d in decodes],
           'picked_decode': list(picked) if picked else None, 'runtime_s': round(runtime, 1),
           'limit': a.limit, 'stride': a.stride, 'sets': res,
           'prints': {'photos': n_prints, 'systems': prints} if prints else None}
    for path, text in ((a.json, json.dumps(rounded(out), indent=1)), (a.md, md + '\n')):
        if path:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            with open(path, 'w') as fh:
                fh.write(text)
    if a.save_baseline:
        if a.limit or a.stride != 1 or 'shipped' not in systems:
            ap.error('--save-baseline needs full sets and a shipped model')
        with open(a.baseline, 'w') as fh:
            json.dump(rounded(baseline_of(out)), fh, indent=1)
        log(f'wrote baseline {a.baseline}')
    if a.sheet:
        gts = [to_u8(load_rgb(f)) for f in deb_files(a.photos)]
        write_sheet([[photo_outputs(gt, systems)[0][s] for s in sheet_cols] + [gt] for gt in gts], col_names, a.sheet)
    log(f'wrote {a.json}, {a.md}, {a.sheet}, {a.sheet_dir}/contact-sheet-*.png in {time.time() - t_start:.0f}s')


if __name__ == '__main__':
    main()
