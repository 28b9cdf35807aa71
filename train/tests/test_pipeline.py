"""Loader, a two-step training run of every system, resume, and the export's graph."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from conftest import PHOTOS, TRAIN, random_net
from ab_bins import gamut_bins, annealed_mean
from data import PhotoBank, list_images, random_crops, lab_batch
from export import build_graph, reference_forward, write_model, write_golden
from model import RecolorNet, OriginalCNN, PatchFC, macs_per_pass

VAL = os.path.join(PHOTOS, 'val')
needs_photos = pytest.mark.skipif(not os.path.isdir(VAL), reason='../shared/data/photos not present')


@needs_photos
def test_loader_gives_crops_and_lab_targets_of_the_right_shape():
    bank = PhotoBank(list_images(VAL, 6), workers=1)
    assert len(bank) == 6 and bank.pixels.dtype == torch.uint8
    assert (bank.sizes.min(1).values == 160).all()
    rgb = random_crops(bank, torch.arange(6), 64)
    assert rgb.shape == (6, 3, 64, 64) and 0 <= rgb.min() and rgb.max() <= 1
    x, ab4 = lab_batch(rgb, 4)
    assert x.shape == (6, 1, 64, 64) and ab4.shape == (6, 2, 16, 16)
    assert -1 <= x.min() and x.max() <= 1
    assert ab4.abs().max() < 128
    # flips and zoom make crops differ between calls, but stay inside the photo
    again = random_crops(bank, torch.arange(6), 64)
    assert not torch.equal(rgb, again)


@needs_photos
@pytest.mark.parametrize('kind', ['ours', 'v3', 'v2'])
def test_two_training_steps_write_a_checkpoint_that_resumes(tmp_path, kind):
    ck = tmp_path / f'{kind}.pt'
    cmd = [sys.executable, os.path.join(TRAIN, 'train.py'), '--model', kind, '--data', VAL, '--val', VAL,
           '--limit', '8', '--crop', '32', '--batch', '4', '--workers', '1', '--ckpt', str(ck)]
    out = subprocess.run(cmd + ['--max-steps', '2'], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    saved = torch.load(ck, weights_only=False)
    assert saved['state']['step'] == 2 and saved['meta']['model'] == kind
    assert np.isfinite(saved['meta']['history'][-1]['val_loss'])
    out = subprocess.run(cmd + ['--max-steps', '3'], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert 'resumed' in out.stdout
    assert torch.load(ck, weights_only=False)['state']['step'] == 3


def test_budgets_of_the_shipped_architecture():
    net = RecolorNet(254)
    params = sum(p.numel() for p in net.parameters())
    assert params * 2 <= 8 * 2 ** 20                    # float16 weights within 8 MB
    assert macs_per_pass(net) * 2 <= 3e9                 # <= 3 GFLOPs per 256x256 pass
    assert macs_per_pass(OriginalCNN()) > 0 and macs_per_pass(PatchFC()) > 0


@pytest.mark.parametrize('hw', [(64, 64), (48, 80)])
def test_exported_graph_computes_what_pytorch_computes(hw):
    """BN folding, TF 'same' padding, temperature and chroma scale folded into the graph."""
    net, centers = random_net(widths=(16, 32, 64, 128), seed=1), gamut_bins()
    T, s = 0.6, 0.8
    x = torch.rand(1, 1, *hw) * 2 - 1
    with torch.no_grad():
        want = (annealed_mean(net(x), centers, T) * s).permute(0, 2, 3, 1).numpy()
    got = reference_forward(build_graph(net, centers, T, s), x.permute(0, 2, 3, 1).numpy())
    assert got.shape == (1, hw[0] // 4, hw[1] // 4, 2)
    # the graph's weights are rounded to float16, as shipped
    assert np.abs(got - want).max() < 0.5 and np.abs(got - want).mean() < 0.05


def test_export_writes_a_loadable_layers_model_and_golden(tmp_path):
    g = build_graph(random_net(widths=(16, 32, 64, 128), seed=1), gamut_bins(), 0.5)
    write_model(g, str(tmp_path), {'version': 'test'})
    model = json.load(open(tmp_path / 'model.json'))
    assert model['format'] == 'layers-model'
    [group] = model['weightsManifest']
    n = sum(int(np.prod(w['shape'])) for w in group['weights'])
    assert os.path.getsize(tmp_path / 'weights.bin') == 2 * n     # float16
    names = {layer['name'] for layer in model['modelTopology']['config']['layers']}
    assert {'L', 'logits', 'bin_probs', 'ab'} <= names
    write_golden(g, str(tmp_path))
    golden = json.load(open(tmp_path / 'golden.json'))
    assert golden['lightnessShape'] == [1, 256, 256, 1] and golden['inputChannels'] == 1
    assert [c['name'] for c in golden['cases']] == ['automatic'] and golden['cases'][0]['outputShape'] == [1, 64, 64, 2]


@needs_photos
def test_widths_are_kept_in_the_checkpoint_and_used_by_the_export(tmp_path):
    ck = tmp_path / 'narrow.pt'
    cmd = [sys.executable, os.path.join(TRAIN, 'train.py'), '--model', 'ours', '--data', VAL, '--limit', '4',
           '--crop', '32', '--batch', '2', '--workers', '1', '--widths', '8,16,24,32', '--ckpt', str(ck)]
    out = subprocess.run(cmd + ['--max-steps', '1'], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert torch.load(ck, weights_only=False)['meta']['widths'] == [8, 16, 24, 32]
    # A resumed run keeps the checkpoint's widths whatever --widths says.
    out = subprocess.run(cmd[:-4] + ['--ckpt', str(ck), '--max-steps', '2'], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    saved = torch.load(ck, weights_only=False)
    assert saved['state']['step'] == 2 and saved['meta']['widths'] == [8, 16, 24, 32]
    out = subprocess.run([sys.executable, os.path.join(TRAIN, 'export.py'), '--ckpt', str(ck), '--out', str(tmp_path / 'm')],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    layers = json.load(open(tmp_path / 'm' / 'model.json'))['modelTopology']['config']['layers']
    filters = {layer['name']: layer['config'].get('filters') for layer in layers}
    assert [filters[n] for n in ('enc1_0', 'enc2_0', 'enc3_0', 'enc4_0')] == [8, 16, 24, 32]
