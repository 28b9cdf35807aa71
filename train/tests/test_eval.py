"""eval.py: the hue split, AuC counts, hint painting, the tfjs loader, and runs end to end."""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
import torch

from conftest import PHOTOS, TRAIN, random_net
from ab_bins import gamut_bins, annealed_mean, prior_log_weights
from eval import (HUE_BANDS, Ours, TfjsModel, auc_counts, hint_points, hue_band, hue_sums, paint_hints,
                  working_input)
from export import build_graph, reference_forward, write_model
from hints import HINT_AB_SCALE
from model import OriginalCNN, PatchFC

needs_photos = pytest.mark.skipif(not os.path.isdir(os.path.join(PHOTOS, 'val-scenes')),
                                  reason='../shared/data/photos (with val-scenes) not present')


@pytest.mark.parametrize('a, b, band', [
    (60.0, 0.0, 'magenta'),       # 0 deg: red-magenta side of crimson
    (50.0, 15.0, 'magenta'),      # 16.7 deg
    (40.0, 16.0, 'orange'),       # 21.8 deg
    (20.0, 60.0, 'orange'),       # 71.6 deg: orange-yellow
    (0.0, 50.0, 'orange'),        # 90 deg: yellow
    (-10.0, 50.0, 'green'),       # 101.3 deg
    (-50.0, 0.0, 'green'),        # 180 deg
    (-40.0, -10.0, 'green'),      # 194 deg
    (-20.0, -40.0, 'blue'),       # 243.4 deg
    (0.0, -50.0, 'blue'),         # 270 deg
    (20.0, -40.0, 'blue'),        # 296.6 deg
    (30.0, -40.0, 'magenta'),     # 306.9 deg
    (50.0, -10.0, 'magenta'),     # 348.7 deg
])
def test_hue_bands_of_known_ab_values(a, b, band):
    assert HUE_BANDS[hue_band(torch.tensor([[a], [b]]))[0]] == band


def test_hue_band_edges_belong_to_the_band_above():
    deg = torch.tensor([20.0, 100.0, 200.0, 300.0, 0.0, 359.9], dtype=torch.float64)
    ab = torch.stack([torch.cos(torch.deg2rad(deg)), torch.sin(torch.deg2rad(deg))]) * 30
    assert [HUE_BANDS[i] for i in hue_band(ab)] == ['orange', 'green', 'blue', 'magenta', 'magenta', 'magenta']


def test_hue_split_is_chroma_weighted():
    ab = torch.tensor([[[40.0, 0.0, 0.0, 0.0]], [[0.0, 30.0, -20.0, 0.0]]])   # magenta 40, orange 30, blue 20, gray
    assert hue_sums(ab).tolist() == pytest.approx([40.0, 30.0, 0.0, 20.0])


def test_auc_counts_match_the_direct_count():
    err = torch.rand(1000) * 180
    t = torch.arange(0, 151, dtype=torch.float64)
    want = torch.stack([(err <= v).sum() for v in t])
    assert torch.equal(auc_counts(err), want)
    assert auc_counts(torch.tensor([0.0, 3.0, 3.5]))[:5].tolist() == [1, 1, 1, 2, 3]


def test_hints_are_fixed_per_photo_and_nested():
    p = hint_points('a.jpg')
    assert p.shape == (10, 2) and (0 <= p).all() and (p < 1).all()
    assert np.array_equal(p, hint_points('a.jpg')) and not np.array_equal(p, hint_points('b.jpg'))


def test_hints_are_painted_as_3px_squares_of_the_truths_mean():
    ab = torch.zeros(1, 2, 20, 30)
    ab[0, 0] = torch.arange(30.0).view(1, 30)             # a grows to the right
    ab[0, 1] = -torch.arange(20.0).view(20, 1)            # b falls downwards
    h = paint_hints(ab, np.array([[10.5 / 30, 5.5 / 20], [0.0, 0.0]]), (32, 32))
    assert h.shape == (1, 3, 32, 32)
    assert h[0, 2].sum() == 9 + 4                          # a full square and one clipped at the corner
    assert torch.equal(h[0, 2, 4:7, 9:12], torch.ones(3, 3))
    assert torch.allclose(h[0, 0, 4:7, 9:12], torch.full((3, 3), 10 / HINT_AB_SCALE))
    assert torch.allclose(h[0, 1, 4:7, 9:12], torch.full((3, 3), -5 / HINT_AB_SCALE))
    assert torch.allclose(h[0, :2, 0, 0] * HINT_AB_SCALE, torch.tensor([0.5, -0.5]))
    assert h[0, :, 20:].abs().sum() == 0 and h[0, :, :, 30:].abs().sum() == 0   # nothing in the padding


@pytest.mark.parametrize('in_ch', [1, 4])
def test_tfjs_loader_reproduces_the_exported_graph(tmp_path, in_ch):
    net, centers = random_net(in_ch), gamut_bins()
    g = build_graph(net, centers, 0.6, 0.9)
    write_model(g, str(tmp_path), {'version': 'test', 'temperature': 0.6})
    model = TfjsModel(str(tmp_path))
    assert model.in_ch == in_ch and model.info['version'] == 'test'
    x = torch.rand(2, in_ch, 48, 64) * 2 - 1
    want = reference_forward(g, x.permute(0, 2, 3, 1).numpy())
    assert np.allclose(model(x).permute(0, 2, 3, 1).numpy(), want, atol=1e-5, rtol=0)
    with torch.no_grad():   # and that is the PyTorch net with its decode, up to float16 weights
        ref = annealed_mean(net(x), centers, 0.6) * 0.9
    assert (model(x) - ref).abs().max() < 0.5
    if in_ch == 4:          # a gray-only input gets empty hint channels
        x1 = x[:, :1]
        full = torch.cat([x1, torch.zeros(2, 3, 48, 64)], 1)
        assert torch.equal(model(x1), model(full))


def test_working_input_is_padded_to_multiples_of_16():
    x, hw = working_input(torch.rand(1, 160, 213) * 100)
    assert hw == (192, 256) and x.shape == (1, 1, 192, 256)
    x, hw = working_input(torch.rand(1, 300, 170) * 100)
    assert hw == (256, 145) and x.shape == (1, 1, 256, 160)


@needs_photos
@pytest.mark.parametrize('in_ch', [1, 4])
def test_eval_scores_every_system_per_group_and_draws_the_sheets(tmp_path, in_ch):
    """eval.py end to end on a few photos of each set, with random weights for ours (narrow, 1 or
    4 input channels), v2, v3 and an exported tfjs model as the shipped one."""
    torch.manual_seed(0)
    nets = {'ours': (random_net(in_ch), {'model': 'ours', 'widths': [8, 16, 24, 32], 'in_ch': in_ch}),
            'v2': (PatchFC(), {'model': 'v2'}), 'v3': (OriginalCNN(), {'model': 'v3'})}
    for kind, (net, meta) in nets.items():
        torch.save({'ema': net.state_dict(), 'meta': meta, 'state': {'step': 7, 'elapsed': 60}}, tmp_path / f'{kind}.pt')
    shipped = tmp_path / 'shipped'
    write_model(build_graph(random_net(in_ch), gamut_bins(), 1.0, 0.85), str(shipped), {'version': 'tiny'})
    files = {k: tmp_path / n for k, n in (('json', 'eval.json'), ('md', 'eval.md'), ('sheet', 'sheet.png'))}
    cmd = [sys.executable, os.path.join(TRAIN, 'eval.py'), '--photos', PHOTOS, '--stride', '90',
           '--ckpt-dir', str(tmp_path), '--ours', str(tmp_path / 'ours.pt'), '--shipped', str(shipped),
           '--decodes', '1:1', '--sheet-dir', str(tmp_path / 'out'), '--baseline', str(tmp_path / 'base.json')] \
        + [arg for k, f in files.items() for arg in (f'--{k}', str(f))]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    result = json.load(open(files['json']))
    assert result['shipped_version'] == 'tiny' and result['ours']['step'] == 7 and result['ours']['in_ch'] == in_ch
    assert list(result['sets']) == ['val-scenes', 'val']
    scenes, val = result['sets']['val-scenes'], result['sets']['val']
    assert scenes['photos'] == 5 and val['photos'] == 5
    assert {'gray', 'v1', 'v2', 'v3', 'shipped', 'ours', 'ours@T=1,s=1', 'truth'} == set(scenes['overall'])
    assert set(scenes['groups']) <= {'animal', 'food', 'object', 'scene'} and len(scenes['groups']) >= 2
    assert 'face' in val['groups'] and 'people' in val['groups']         # face is a group of its own
    assert sum(g['photos'] for g in val['groups'].values()) == 5
    assert sum(s['photos'] for s in val['sources'].values()) == 5
    for r in (scenes, val):
        for name, f in r['overall'].items():
            assert sum(f['hue'].values()) == pytest.approx(1.0, abs=1e-3)
            if name != 'truth':
                assert 0 <= f['auc'] <= 1 and f['cf'] >= 0 and 5 < f['psnr'] < 60
        assert r['overall']['gray']['vs_gray'] == 0 and r['overall']['gray']['cf'] < 1
    hinted = {'shipped', 'ours'} if in_ch == 4 else set()
    assert set(scenes.get('hints', {})) == hinted and 'hints' not in val
    for name, h in scenes.get('hints', {}).items():
        assert h['psnr']['0'] == pytest.approx(scenes['overall'][name]['psnr'])
        assert set(h['gain']) == {'1', '5', '10'}
    prints_dir = os.path.join(PHOTOS, '..', 'prints', 'bw')
    if os.path.isdir(prints_dir):   # every real print, whatever --stride; the colour each network puts on them
        assert result['prints']['photos'] == len(os.listdir(prints_dir))
        assert set(result['prints']['systems']) == {'shipped', 'ours'}
        for f in result['prints']['systems'].values():
            assert f['cf'] >= 0 and f['mean_chroma'] >= 0
            assert sum(f['hue'].values()) == pytest.approx(1.0, abs=1e-3) or f['mean_chroma'] == 0
    md = open(files['md']).read()
    assert md in out.stdout
    assert ('### prints:' in md) == os.path.isdir(prints_dir)
    assert '### val-scenes: 5 photos' in md and '| gray |' in md and '| face | ' in md
    assert ('with hints from the truth' in md) == (in_ch == 4)
    assert 'against the baseline' not in md
    from PIL import Image
    if os.path.isdir(prints_dir):
        with Image.open(tmp_path / 'out' / 'contact-sheet-prints.png') as im:
            assert im.width > 128 * 2 and im.height > 128 * 6   # print, shipped, ours; 12 rows
    for path in (files['sheet'], tmp_path / 'out' / 'contact-sheet-val-scenes.png', tmp_path / 'out' / 'contact-sheet-val.png'):
        with Image.open(path) as im:
            assert im.width > 128 * 6 and im.height > 128   # gray, v1, v2, v3, shipped, ours, truth side by side
    if in_ch == 4:   # the headline sheet also shows each hint-ready system with 10 hints
        with Image.open(tmp_path / 'out' / 'contact-sheet-val-scenes.png') as im:
            assert im.width >= (7 + 2) * (128 + 4)
    if in_ch == 1:
        return
    # With a baseline, the deltas per group are printed.
    shutil.copy(files['json'], tmp_path / 'base.json')
    out = subprocess.run(cmd + ['--sets', 'val', '--no-v1', '--sheet', ''], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert 'against the baseline' in out.stdout
    assert '| val | face | ' in out.stdout and '| +0.00 |' in out.stdout   # shipped is its own baseline


def test_ours_decode_is_the_annealed_mean_times_the_chroma_scale(tmp_path):
    net = random_net(4)
    torch.save({'ema': net.state_dict(), 'meta': {'model': 'ours', 'widths': [8, 16, 24, 32], 'in_ch': 4,
                                                  'temperature': 0.5, 'chroma_scale': 0.9}}, tmp_path / 'o.pt')
    centers = gamut_bins()
    ours = Ours(str(tmp_path / 'o.pt'), centers)
    assert ours.in_ch == 4 and ours.decode == (0.5, 0.9, 0.0)   # no counts in meta: no prior correction
    x = torch.rand(1, 1, 32, 48) * 2 - 1
    with torch.no_grad():
        logits = ours.logits(x)                            # empty hint channels added
        assert torch.equal(logits, net(torch.cat([x, torch.zeros(1, 3, 32, 48)], 1)))
        for d in [None, (1.0, 0.85, 0.0)]:
            T, s, _ = d or (0.5, 0.9, 0.0)
            assert torch.allclose(ours.ab(logits, d), annealed_mean(logits, centers, T) * s, atol=1e-4)


def test_ours_decode_applies_the_prior_correction_from_the_checkpoint(tmp_path):
    net, centers = random_net(4), gamut_bins()
    counts = torch.rand(len(centers)) ** 4 * 1e6 + 1
    torch.save({'ema': net.state_dict(), 'meta': {'model': 'ours', 'widths': [8, 16, 24, 32], 'in_ch': 4, 'counts': counts,
                                                  'rebalance': 0.8, 'temperature': 0.8, 'chroma_scale': 1.0,
                                                  'prior_correction': 1.0}}, tmp_path / 'o.pt')
    ours = Ours(str(tmp_path / 'o.pt'), centers)
    assert ours.decode == (0.8, 1.0, 1.0)
    shift = prior_log_weights({'counts': counts, 'rebalance': 0.8}, centers)[None, :, None, None]
    with torch.no_grad():
        logits = ours.logits(torch.rand(1, 1, 32, 32) * 2 - 1)
        assert torch.allclose(ours.ab(logits), annealed_mean(logits - shift, centers, 0.8), atol=1e-4)
        assert not torch.allclose(ours.ab(logits), ours.ab(logits, (0.8, 1.0, 0.0)), atol=1e-2)
