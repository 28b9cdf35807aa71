"""Train a colorizer for a wall-clock budget, with checkpoints that resume.

  /usr/bin/python3 train/train.py --model ours --data ../shared/data/photos/train \
      --val ../shared/data/photos/val --minutes 60 --ckpt train/ckpt/ours.pt

--model ours: RecolorNet, cross-entropy over quantized ab bins with class rebalancing (Zhang et
al. 2016), targets soft-encoded at 1/4 resolution. --model v3: the original CNN, MSE on ab at full
resolution. --model v2: the patch fully connected net, MSE on ab. The learning rate follows a
cosine over the time budget, so a short run and a long run both end annealed; an EMA of the
weights is kept and is what gets exported and evaluated.
"""
import argparse
import copy
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ab_bins import REBALANCE_LAMBDA, gamut_bins, soft_encode, nearest_bin, rebalance_weights, annealed_mean  # noqa: E402
from data import (PhotoBank, FaceBank, list_images, random_crops, face_crops, lab_batch, read_manifest, read_faces,  # noqa: E402
                  group_of, colourfulness)
from hints import hint_channels, no_hints  # noqa: E402
from model import WIDTHS, build_model  # noqa: E402

EMA_DECAY = 0.999
WARMUP_FRACTION = 0.03


def bin_counts(bank: PhotoBank, centers: torch.Tensor, device, batch=256, photo_weights=None) -> torch.Tensor:
    """Histogram of nearest ab bins over every photo (at 1/4 resolution, padding excluded), each
    photo counted with its sampling weight (relative to the mean) when given."""
    counts = torch.zeros(len(centers), device=device, dtype=torch.float64)
    for s in range(0, len(bank), batch):
        idx = torch.arange(s, min(s + batch, len(bank)), device=device)
        _, ab = lab_batch(bank.pixels[idx].float() / 255, 4)
        nb = nearest_bin(ab, centers)
        h4, w4 = bank.sizes[idx, 0] // 4, bank.sizes[idx, 1] // 4
        ys = torch.arange(ab.shape[-2], device=device).view(1, -1, 1)
        xs = torch.arange(ab.shape[-1], device=device).view(1, 1, -1)
        valid = (ys < h4.view(-1, 1, 1)) & (xs < w4.view(-1, 1, 1))
        if photo_weights is None:
            counts += torch.bincount(nb[valid], minlength=len(centers)).double()
        else:
            pw = (photo_weights[idx.cpu()] * len(bank) / photo_weights.sum()).to(device).double()
            per_px = pw.view(-1, 1, 1).expand_as(nb)[valid]
            counts += torch.bincount(nb[valid], weights=per_px, minlength=len(centers))
    return counts


def parse_mix(text: str | None) -> dict[str, float]:
    """'scene=.3,object=.25' -> {'scene': 0.3, 'object': 0.25}."""
    return {k: float(v) for k, v in (item.split('=') for item in text.split(','))} if text else {}


def photo_weights(groups: list[str], mix: dict[str, float], sources: list[str] | None = None,
                  source_mix: dict[str, float] | None = None) -> torch.Tensor:
    """Sampling weight per photo so that each group gets its share of the batches (groups the mix
    does not name share what is left equally); uniform without a mix. source_mix weighs the photos
    of a source tag against the others of its group (cars=2: a cars photo is drawn twice as often
    as another object photo); the group's share stays as the mix says."""
    names = sorted(set(groups))
    if mix:
        rest = [g for g in names if g not in mix]
        share = dict(mix)
        left = max(0.0, 1.0 - sum(mix.values()))
        for g in rest:
            share[g] = left / len(rest)
    else:
        share = {g: groups.count(g) / len(groups) for g in names}
    factor = [(source_mix or {}).get(s, 1.0) for s in (sources or [''] * len(groups))]
    mass = {g: sum(f for f, x in zip(factor, groups) if x == g) for g in names}
    return torch.tensor([share[g] * f / mass[g] for g, f in zip(groups, factor)], dtype=torch.float64)


def face_list(files: list[str], faces: dict) -> list[tuple[str, tuple]]:
    """The faces found in the bank's photos (find_faces.py): the photo and box of each."""
    return [(f, box) for f in files for box in faces.get(os.path.splitext(os.path.basename(f))[0], [])]


def net_input(x: torch.Tensor, ab_full: torch.Tensor, in_ch: int, hints: bool) -> torch.Tensor:
    """The network's input: x alone, or x with hint channels (sampled from the truth, or empty)."""
    if in_ch == 1:
        return x
    return torch.cat([x, hint_channels(ab_full)], 1) if hints else no_hints(x)


def loss_fn(kind, net, x, ab4, ab_full, centers, weights, reg=0.0):
    """ours: rebalanced cross-entropy over ab bins, plus reg x a Huber loss of the decoded mean
    against the truth (Zhang et al. 2017 fine-tune with regression); v2/v3: MSE on ab. The mean is
    taken as the shipped decode takes it with prior correction 1: T=1 after log w is subtracted
    from the logits (the rebalancing tilts the softmax by w), i.e. the posterior mean."""
    if kind == 'ours':
        logits = net(x).float()
        target = soft_encode(ab4, centers)
        w = weights[nearest_bin(ab4, centers)]
        ce = -(target * F.log_softmax(logits, 1)).sum(1)
        loss = (ce * w).mean()
        if reg > 0:
            posterior = logits - weights.log().view(1, -1, 1, 1)
            loss = loss + reg * F.smooth_l1_loss(annealed_mean(posterior, centers, 1.0), ab4, beta=5.0) / 10.0
        return loss
    return F.mse_loss(net(x).float(), ab_full) / 100.0


@torch.no_grad()
def validate(kind, net, bank, centers, weights, crop, device, T=0.38):
    """Mean loss and mean ab RMSE (at 1/4 res) over centre crops of every val photo."""
    net.eval()
    tot_loss, tot_rmse, n = 0.0, 0.0, 0
    g = torch.Generator(device=device).manual_seed(0)
    for s in range(0, len(bank), 64):
        idx = torch.arange(s, min(s + 64, len(bank)), device=device)
        rgb = random_crops(bank, idx, crop, zoom=(1.0, 1.0), generator=g)
        x, ab_full = lab_batch(rgb, 1)
        x = net_input(x, ab_full, getattr(net, 'in_ch', 1), hints=False)
        ab4 = F.avg_pool2d(ab_full, 4)
        tot_loss += loss_fn(kind, net, x, ab4, ab_full, centers, weights).item() * len(idx)
        pred = annealed_mean(net(x), centers, T) if kind == 'ours' else F.avg_pool2d(net(x), 4)
        tot_rmse += ((pred - ab4) ** 2).mean(dim=(1, 2, 3)).sqrt().sum().item()
        n += len(idx)
    net.train()
    return tot_loss / n, tot_rmse / n


def compact_opt_state(sd):
    """An optimizer state dict with its moment tensors in bfloat16, half the bytes: Adam's two
    moments are twice the weights, and the committed checkpoint must stay within 15 MB for the
    wider nets too. bfloat16 keeps float32's exponent range (the squared gradients underflow
    float16); Optimizer.load_state_dict casts the moments back to the weights' float32."""
    return {**sd, 'state': {i: {k: v.bfloat16() if k != 'step' and torch.is_tensor(v) and v.is_floating_point() else v
                                for k, v in st.items()}
                            for i, st in sd['state'].items()}}


def save(path, net, ema, opt, state, meta, lean_path=None):
    tmp = path + '.tmp'
    torch.save({'model': net.state_dict(), 'ema': ema.state_dict(), 'opt': compact_opt_state(opt.state_dict()),
                'state': state, 'meta': meta}, tmp)
    os.replace(tmp, path)
    if lean_path:
        # Only the EMA weights (what gets exported), float16 for big models: small enough to
        # bring back from a GPU machine (16 MiB a file).
        big = sum(p.numel() for p in ema.parameters()) > 3_000_000
        sd = {k: (v.half() if big and v.is_floating_point() else v).cpu() for k, v in ema.state_dict().items()}
        torch.save({'ema': sd, 'state': state, 'meta': meta}, lean_path + '.tmp')
        os.replace(lean_path + '.tmp', lean_path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', choices=['ours', 'v3', 'v2'], default='ours')
    ap.add_argument('--data', required=True)
    ap.add_argument('--val')
    ap.add_argument('--limit', type=int, help='use only the first N photos (smoke runs)')
    ap.add_argument('--minutes', type=float, default=30,
                    help='wall-clock budget of one learning-rate cycle (across resumes); run the same '
                         'command after a cycle has ended and a new cycle (warm restart) begins')
    ap.add_argument('--new-cycle', action='store_true', help='start a new cycle now, even if the last one has time left')
    ap.add_argument('--max-steps', type=int, help='stop after this many steps (smoke runs)')
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--crop', type=int, default=128)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--lean', help='also write a small EMA-only copy of each checkpoint here')
    ap.add_argument('--every', type=float, default=60, help='seconds between checkpoints')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--workers', type=int, default=2, help='processes decoding photos at start')
    ap.add_argument('--rebalance', type=float, default=None,
                    help='lambda of the class rebalancing (Zhang: 0.5; 1 = no rebalancing)')
    ap.add_argument('--wd', type=float, default=1e-4, help='AdamW weight decay')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--widths', default=','.join(map(str, WIDTHS)),
                    help='ours: channels at 1/2, 1/4, 1/8, 1/16 (a resumed checkpoint keeps its own)')
    ap.add_argument('--hints', action='store_true',
                    help='ours: also take user colour hints (4 input channels, hints.py); a resumed checkpoint keeps its own')
    ap.add_argument('--min-cf', type=float, default=0, help='drop training photos less colourful than this (CF)')
    ap.add_argument('--group-mix', help="share of the batches per MANIFEST group, e.g. 'scene=.3,object=.25,animal=.17'")
    ap.add_argument('--source-mix', help="weight of a source's photos within its group, e.g. 'cars=2,kcatdog=2'")
    ap.add_argument('--face-crops', type=float, default=0.0,
                    help='share of each batch cut as a close-up around a face found by find_faces.py')
    ap.add_argument('--faces', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'faces.tsv'))
    ap.add_argument('--reg', type=float, default=0.0, help='ours: weight of the regression term (0 = pure classification)')
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    torch.manual_seed(a.seed)
    if device.type == 'cuda':
        torch.backends.cudnn.benchmark = True
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    t_load = time.time()
    files = list_images(a.data, a.limit)
    bank = PhotoBank(files, workers=a.workers)
    if a.min_cf > 0:
        keep = colourfulness(bank.pixels, bank.sizes) >= a.min_cf
        bank.keep(keep)
        files = [f for f, k in zip(files, keep.tolist()) if k]
        print(f'dropped {int((~keep).sum())} photos with colourfulness under {a.min_cf}', flush=True)
    manifest = read_manifest(a.data)
    groups = [group_of(manifest, f) for f in files]
    sources = [manifest.get(os.path.splitext(os.path.basename(f))[0], {}).get('source_tag', '') for f in files]
    pweights = photo_weights(groups, parse_mix(a.group_mix), sources, parse_mix(a.source_mix))
    faces = face_list(files, read_faces(a.faces)) if a.face_crops > 0 else []
    if a.face_crops > 0 and not faces:
        sys.exit(f'--face-crops: no faces of these photos in {a.faces} (run train/find_faces.py)')
    face_bank = FaceBank(faces, workers=a.workers).to(device) if faces else None
    bank.to(device)
    val = PhotoBank(list_images(a.val, a.limit), workers=a.workers).to(device) if a.val else None
    print(f'{len(bank)} train / {len(val) if val else 0} val photos loaded in {time.time() - t_load:.0f}s on {device}; '
          + ', '.join(f'{g} {groups.count(g)} ({float(pweights[[x == g for x in groups]].sum() / pweights.sum()):.0%})'
                      for g in sorted(set(groups)))
          + (f'; {a.face_crops:.0%} face close-ups from {len(faces)} faces' if a.face_crops > 0 else ''), flush=True)

    centers = gamut_bins().to(device)
    ck = torch.load(a.ckpt, map_location=device, weights_only=False) if os.path.exists(a.ckpt) else None
    widths = ck['meta'].get('widths', WIDTHS) if ck else tuple(int(w) for w in a.widths.split(','))
    in_ch = (ck['meta'].get('in_ch', 1) if ck else (4 if a.hints else 1)) if a.model == 'ours' else 1
    net = build_model(a.model, len(centers), widths, in_ch).to(device).to(memory_format=torch.channels_last)
    opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.wd)
    ema = copy.deepcopy(net).eval()
    state = {'step': 0, 'elapsed': 0.0, 'seen': 0}
    meta = {'model': a.model, 'bins': len(centers), 'crop': a.crop, 'batch': a.batch, 'device': str(device),
            'gpu': torch.cuda.get_device_name() if device.type == 'cuda' else None, 'history': []}
    if a.model == 'ours':
        meta['widths'] = list(widths)
        meta['in_ch'] = in_ch
    if ck:
        net.load_state_dict(ck['model']); ema.load_state_dict(ck['ema'])
        if 'opt' in ck:                                 # a grown checkpoint (grow.py) has none
            opt.load_state_dict(ck['opt'])
        state, meta = ck['state'], ck['meta']
        print(f'resumed {a.ckpt} at step {state["step"]}, {state["elapsed"] / 60:.1f} min trained', flush=True)
    state.setdefault('cycle', 0)
    state.setdefault('cycle_start', 0.0)
    state.setdefault('cycle_minutes', a.minutes)
    if ck and (a.new_cycle or state['elapsed'] - state['cycle_start'] >= state['cycle_minutes'] * 60):
        state['cycle'] += 1
        state['cycle_start'] = state['elapsed']
        state['cycle_minutes'] = a.minutes
        print(f'cycle {state["cycle"]}: a new learning-rate cycle of {a.minutes} min from step {state["step"]}', flush=True)
    meta['data'] = {'photos': len(bank), 'min_cf': a.min_cf, 'group_mix': parse_mix(a.group_mix), 'reg': a.reg,
                    'source_mix': parse_mix(a.source_mix), 'face_crops': a.face_crops,
                    'face_squares': 'from the photos as stored, 2.2 face widths, 192 px' if faces else None}
    mix_key = {**parse_mix(a.group_mix), **{f'source:{k}': v for k, v in parse_mix(a.source_mix).items()}}
    if a.model == 'ours' and ('counts' not in meta or meta.get('counts_mix') != mix_key):
        meta['counts'] = bin_counts(bank, centers, device,
                                    photo_weights=pweights if a.group_mix or a.source_mix else None).cpu()
        meta['counts_mix'] = mix_key
    if a.rebalance is not None:
        meta['rebalance'] = a.rebalance
    weights = rebalance_weights(meta['counts'], centers.cpu(), meta.get('rebalance', REBALANCE_LAMBDA)).to(device) \
        if a.model == 'ours' else None
    budget = state['cycle_minutes'] * 60
    use_amp = device.type == 'cuda'
    t0 = time.time() - state['elapsed']
    last_ck = time.time()
    sampler = pweights.float().to(device)
    net.train()
    while True:
        elapsed = time.time() - t0 - state['cycle_start']
        if elapsed >= budget or (a.max_steps and state['step'] >= a.max_steps):
            break
        frac = elapsed / budget
        lr = a.lr * (frac / WARMUP_FRACTION if frac < WARMUP_FRACTION else 0.5 * (1 + math.cos(math.pi * frac)))
        for group in opt.param_groups:
            group['lr'] = lr
        idx = torch.multinomial(sampler, a.batch, replacement=True)
        rgb = random_crops(bank, idx, a.crop)
        n_face = int(a.face_crops * a.batch + torch.rand(()).item())   # rounded at random: the share on average
        if n_face:
            pick = torch.randint(len(face_bank), (n_face,), device=device)
            rgb[:n_face] = face_crops(face_bank, pick, face_bank.boxes[pick], a.crop)
        x, ab_full = lab_batch(rgb, 1)
        ab4 = F.avg_pool2d(ab_full, 4)
        x = net_input(x, ab_full, in_ch, hints=True).contiguous(memory_format=torch.channels_last)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_amp):
            loss = loss_fn(a.model, net, x, ab4, ab_full, centers, weights, a.reg)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        with torch.no_grad():
            d = min(EMA_DECAY, (1 + state['step']) / (10 + state['step']))
            for pe, p in zip(ema.parameters(), net.parameters()):
                pe.lerp_(p, 1 - d)
            for be, b in zip(ema.buffers(), net.buffers()):
                be.copy_(b)
        state['step'] += 1
        state['seen'] += a.batch
        if time.time() - last_ck >= a.every:
            state['elapsed'] = time.time() - t0
            entry = {'step': state['step'], 'minutes': round(state['elapsed'] / 60, 2), 'cycle': state['cycle'],
                     'loss': round(loss.item(), 4), 'lr': lr}
            if val is not None:
                vl, vr = validate(a.model, ema, val, centers, weights, a.crop, device)
                entry.update(val_loss=round(vl, 4), val_ab_rmse=round(vr, 3))
            meta['history'].append(entry)
            print(entry, f'{state["seen"] / max(state["elapsed"], 1):.0f} img/s', flush=True)
            save(a.ckpt, net, ema, opt, state, meta, a.lean)
            last_ck = time.time()
    state['elapsed'] = time.time() - t0
    entry = {'step': state['step'], 'minutes': round(state['elapsed'] / 60, 2), 'cycle': state['cycle']}
    if val is not None:
        vl, vr = validate(a.model, ema, val, centers, weights, a.crop, device)
        entry.update(val_loss=round(vl, 4), val_ab_rmse=round(vr, 3))
    meta['history'].append(entry)
    save(a.ckpt, net, ema, opt, state, meta, a.lean)
    print('done', entry, f'{state["seen"]} crops seen', flush=True)


if __name__ == '__main__':
    main()
