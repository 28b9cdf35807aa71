"""Score every system on the val photos: PSNR (8-bit RGB), colorfulness (Hasler and Suesstrunk
2003) against the ground truth's, and AuC of the per-pixel ab error over thresholds 0..150
(Zhang et al. 2016). Writes a Markdown table, models/eval.json and contact sheets.

  npm run eval            # = /usr/bin/python3 train/eval.py
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ab_bins import gamut_bins, annealed_mean  # noqa: E402
from data import list_images  # noqa: E402
from lab import rgb_to_lab, lab_to_rgb, l_to_input  # noqa: E402
from model import WIDTHS, build_model  # noqa: E402
from export import DEFAULT_T  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = 256          # working size: long side
MULT = 16           # the networks need multiples of 16
KMEANS_COLORS = 8   # v1 palette size
AUC_MAX = 150


def load_rgb(path):
    return torch.from_numpy(np.array(Image.open(path).convert("RGB"))).permute(2, 0, 1).float() / 255


def working_input(L: torch.Tensor):
    """Full-res L (1,H,W) -> network input at long side 256, edge-padded to multiples of 16."""
    H, W = L.shape[-2:]
    s = WORK / max(H, W)
    h, w = max(1, round(H * s)), max(1, round(W * s))
    small = F.interpolate(L[None], size=(h, w), mode='bilinear', antialias=True, align_corners=False)
    ph, pw = -h % MULT, -w % MULT
    x = F.pad(l_to_input(small), (0, pw, 0, ph), mode='replicate')
    return x, (h, w)


def compose(L: torch.Tensor, ab_small: torch.Tensor, valid_hw, stride: int):
    """Upsample the valid part of ab to full size, add the original L, convert to 8-bit RGB."""
    H, W = L.shape[-2:]
    vh, vw = -(-valid_hw[0] // stride), -(-valid_hw[1] // stride)
    ab = F.interpolate(ab_small[:, :, :vh, :vw], size=(H, W), mode='bilinear', align_corners=False)[0]
    return to_u8(lab_to_rgb(torch.cat([L, ab], 0)))


def to_u8(rgb):
    return (rgb * 255).round().clamp(0, 255).to(torch.uint8)


def colorfulness(u8: torch.Tensor) -> float:
    r, g, b = u8.double().unbind(0)
    rg, yb = r - g, 0.5 * (r + g) - b
    return float(torch.sqrt(rg.var(unbiased=False) + yb.var(unbiased=False)) + 0.3 * torch.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    mse = ((a.double() - b.double()) ** 2).mean().item()
    return 10 * np.log10(255 ** 2 / max(mse, 1e-10))


def ab_errors(u8: torch.Tensor, gt_ab: torch.Tensor) -> torch.Tensor:
    ab = rgb_to_lab(u8.float() / 255)[1:]
    return torch.linalg.vector_norm(ab - gt_ab, dim=0).flatten()


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
        for j in range(k):
            m = assign == j
            if m.any():
                cent[j] = pts[m].mean(0)
    Lr = L[:, :, half:]
    pick = (Lr.reshape(-1, 1) - cent[:, 0][None]).abs().argmin(1)
    ab = cent[pick, 1:].T.reshape(2, *Lr.shape[-2:])
    return to_u8(lab_to_rgb(torch.cat([Lr, ab], 0))), half


def decode_name(d):
    return f'ours@T={d[0]:g},s={d[1]:g}'


def photo_outputs(gt, nets, centers, decodes):
    """Every system's picture of one photo (8-bit RGB, its own size) by system name, with the photo's
    ab and where v1's half starts: v1 shows the left half as it is and recolors the right half."""
    lab = rgb_to_lab(gt.float() / 255)
    L, gt_ab = lab[:1], lab[1:]
    outs = {'gray': to_u8(lab_to_rgb(torch.cat([L, torch.zeros_like(gt_ab)], 0)))}
    v1, half = kmeans_half(gt.float() / 255, L)
    outs['v1'] = gt.clone()
    outs['v1'][:, :, half:] = v1
    x, hw = working_input(L)
    with torch.no_grad():
        for kind in ('v2', 'v3'):
            if kind in nets:
                outs[kind] = compose(L, nets[kind](x), hw, 1)
        if 'ours' in nets:
            logits = nets['ours'](x)
            for d in decodes:
                outs[decode_name(d)] = compose(L, annealed_mean(logits, centers, d[0]) * d[1], hw, 4)
    return outs, gt_ab, half


def load_net(kind, path, nbins):
    ck = torch.load(path, map_location='cpu', weights_only=False)
    net = build_model(kind, nbins, ck.get('meta', {}).get('widths', WIDTHS))
    net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck['ema'].items()})
    return net.eval(), ck.get('meta', {})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--val', default=os.path.join(ROOT, '..', 'shared', 'data', 'photos', 'val'))
    ap.add_argument('--ckpt-dir', default=os.path.join(ROOT, 'train', 'ckpt'))
    ap.add_argument('--ours', default=None, help='checkpoint of ours (default: ckpt-dir/ours.pt)')
    ap.add_argument('--decodes', default=None,
                    help='comma list of T:scale pairs: also score ours with these annealed-mean temperatures '
                         'and chroma scales (e.g. 1:0.85,0.6:0.7); the shipped one is always scored')
    ap.add_argument('--limit', type=int)
    ap.add_argument('--stride', type=int, default=1, help='score every k-th val photo (quicker sweeps)')
    ap.add_argument('--json', default=os.path.join(ROOT, 'models', 'eval.json'))
    ap.add_argument('--sheet', default=os.path.join(ROOT, 'models', 'contact-sheet.png'))
    ap.add_argument('--val-sheet', default=os.path.join(ROOT, 'out', 'contact-sheet-val.png'))
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    centers = gamut_bins()
    info_path = os.path.join(ROOT, 'models', 'colorizer', 'info.json')
    info = json.load(open(info_path)) if os.path.exists(info_path) else {}
    ship = (info.get('temperature', DEFAULT_T), info.get('chromaScale', 1.0))
    decodes = sorted({ship, *([tuple(float(v) for v in d.split(':')) for d in a.decodes.split(',')] if a.decodes else [])})
    nets = {}
    for kind in ('v2', 'v3', 'ours'):
        p = a.ours if (kind == 'ours' and a.ours) else os.path.join(a.ckpt_dir, f'{kind}.pt')
        if os.path.exists(p):
            nets[kind] = load_net(kind, p, len(centers))[0]
        else:
            print(f'note: no checkpoint {p}; {kind} skipped')
    files = list_images(a.val, a.limit)[:: a.stride]
    systems = ['gray', 'v1'] + [k for k in ('v2', 'v3') if k in nets] + \
              ([decode_name(d) for d in decodes] if 'ours' in nets else [])
    acc = {s: {'psnr': [], 'cf': [], 'err': []} for s in systems}
    gt_cf = []
    sheet_rows = {}
    sheet_names = set(sorted(os.path.basename(f) for f in files)[:: max(1, len(files) // 12)][:12])
    t0 = time.time()
    for i, f in enumerate(files):
        gt = to_u8(load_rgb(f))
        gt_cf.append(colorfulness(gt))
        outs, gt_ab, half = photo_outputs(gt, nets, centers, decodes)
        for s in systems:
            if s == 'v1':  # scored on the half it recolored
                ref, out, gab = gt[:, :, half:], outs['v1'][:, :, half:], gt_ab[:, :, half:]
            else:
                ref, out, gab = gt, outs[s], gt_ab
            acc[s]['psnr'].append(psnr(out, ref))
            acc[s]['cf'].append(colorfulness(out))
            acc[s]['err'].append(ab_errors(out, gab))
        if os.path.basename(f) in sheet_names:
            sheet_rows[f] = [outs[s] for s in sheet_systems(nets, ship)] + [gt]
        if (i + 1) % 50 == 0:
            print(f'{i + 1}/{len(files)} photos, {time.time() - t0:.0f}s', flush=True)
    thresholds = torch.arange(0, AUC_MAX + 1, dtype=torch.float64)
    results = {}
    for s in systems:
        err = torch.cat(acc[s]['err']).double()
        cmf = torch.stack([(err <= t).double().mean() for t in thresholds])
        results[s] = {'psnr': float(np.mean(acc[s]['psnr'])), 'cf': float(np.mean(acc[s]['cf'])),
                      'auc': float(cmf.mean())}
    results['ground truth'] = {'psnr': float('inf'), 'cf': float(np.mean(gt_cf)), 'auc': 1.0}
    print_table(results, len(files), decode_name(ship))
    os.makedirs(os.path.dirname(a.json), exist_ok=True)
    with open(a.json, 'w') as fh:
        json.dump({'photos': len(files), 'shipped': decode_name(ship), 'results': results}, fh, indent=2)
    cols = [{'v1': 'v1 (sees half)', decode_name(ship): 'ours'}.get(s, s) for s in sheet_systems(nets, ship)] + ['truth']
    write_sheet(list(sheet_rows.values()), cols, a.val_sheet)
    write_deb_sheet(nets, centers, ship, cols, a.sheet)
    print(f'wrote {a.json}, {a.sheet}, {a.val_sheet}')


def sheet_systems(nets, ship):
    """The contact sheets' columns (before the truth): each system once, ours with the shipped decode."""
    return ['gray', 'v1'] + [k for k in ('v2', 'v3') if k in nets] + ([decode_name(ship)] if 'ours' in nets else [])


def print_table(results, n, shipped):
    gray = results['gray']['psnr']
    print(f'\nval: {n} photos; shipped decode: {shipped}')
    print('| system | PSNR dB | vs gray | CF | CF / truth | AuC % |')
    print('|---|---|---|---|---|---|')
    gt_cf = results['ground truth']['cf']
    for s, r in results.items():
        p = '-' if s == 'ground truth' else f'{r["psnr"]:.2f}'
        d = '-' if s == 'ground truth' else f'{r["psnr"] - gray:+.2f}'
        print(f'| {s} | {p} | {d} | {r["cf"]:.1f} | {r["cf"] / gt_cf:.2f} | {100 * r["auc"]:.1f} |')


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
    os.makedirs(os.path.dirname(path), exist_ok=True)
    sheet.save(path, optimize=True)


def write_deb_sheet(nets, centers, ship, cols, path):
    """The committed sheet uses only the freely licensed deb-*.jpg photos (3 val, 9 train)."""
    base = os.path.join(ROOT, '..', 'shared', 'data', 'photos')
    files = sorted(list_images(os.path.join(base, 'val')))
    files = [f for f in files if os.path.basename(f).startswith('deb-')]
    train = [f for f in list_images(os.path.join(base, 'train')) if os.path.basename(f).startswith('deb-')]
    files += train[:: max(1, len(train) // 9)][: 12 - len(files)]
    rows = []
    for f in files:
        gt = to_u8(load_rgb(f))
        outs = photo_outputs(gt, nets, centers, [ship])[0]
        rows.append([outs[s] for s in sheet_systems(nets, ship)] + [gt])
    write_sheet(rows, cols, path)


if __name__ == '__main__':
    main()
