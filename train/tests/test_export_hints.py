"""The export of a hint-ready (4-channel) network: graph == PyTorch with and without hints, the
engine's hint painting as written into golden.json, and info.json's contract."""
import base64
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from conftest import TRAIN, random_net
from ab_bins import gamut_bins, annealed_mean, prior_log_weights
from export import (GOLDEN_HINTS, build_graph, hex_ab, hint_pixels, reference_forward, with_hints,
                    write_golden)
from hints import HINT_AB_SCALE, hint_channels, no_hints
from model import RecolorNet


def floats(b64):
    return np.frombuffer(base64.b64decode(b64), dtype='<f4').copy()


@pytest.mark.parametrize('hinted', [False, True])
def test_four_channel_graph_computes_what_pytorch_computes(hinted):
    net, centers = random_net(4), gamut_bins()
    T, s = 0.6, 0.8
    torch.manual_seed(3)
    L = torch.rand(1, 1, 64, 48) * 2 - 1
    ab = torch.randn(1, 2, 64, 48) * 40
    x = torch.cat([L, hint_channels(ab, count=6)], 1) if hinted else no_hints(L)
    assert int(x[:, 3].sum()) >= (6 if hinted else 0) and (hinted or not x[:, 1:].any())
    with torch.no_grad():
        want = (annealed_mean(net(x), centers, T) * s).permute(0, 2, 3, 1).numpy()
    g = build_graph(net, centers, T, s)
    assert g.layers[0]['config']['batch_input_shape'] == [None, None, None, 4]
    got = reference_forward(g, x.permute(0, 2, 3, 1).numpy())
    assert got.shape == (1, 16, 12, 2)
    # the graph's weights are rounded to float16, as shipped
    assert np.abs(got - want).max() < 0.5 and np.abs(got - want).mean() < 0.05


@pytest.mark.parametrize('alpha', [0.5, 1.0])
def test_the_prior_correction_folds_into_the_graph(alpha):
    """softmax((logits - alpha log w) / T) in PyTorch == the exported graph with the shift in its bias,
    and the shift moves the output (the correction is not a no-op)."""
    net, centers = random_net(4), gamut_bins()
    torch.manual_seed(4)
    counts = torch.rand(len(centers)) ** 4 * 1e6 + 1     # a skewed prior, like real photos'
    shift = alpha * prior_log_weights({'counts': counts, 'rebalance': 0.8}, centers)
    x = no_hints(torch.rand(1, 1, 32, 32) * 2 - 1)
    with torch.no_grad():
        logits = net(x)
        want = annealed_mean(logits - shift[None, :, None, None], centers, 0.8).permute(0, 2, 3, 1).numpy()
        plain = annealed_mean(logits, centers, 0.8).permute(0, 2, 3, 1).numpy()
    got = reference_forward(build_graph(net, centers, 0.8, 1.0, shift), x.permute(0, 2, 3, 1).numpy())
    assert np.abs(got - want).max() < 0.5 and np.abs(got - want).mean() < 0.05
    assert np.abs(got - plain).mean() > 0.5


def test_prior_log_weights_is_zero_without_counts():
    assert not prior_log_weights({}, gamut_bins()).any()


def test_hints_change_the_exported_graphs_output():
    g = build_graph(random_net(4), gamut_bins(), 0.6)
    L = np.random.default_rng(0).uniform(-1, 1, (1, 32, 32, 1)).astype(np.float32)
    auto = reference_forward(g, with_hints(L, []))
    hinted = reference_forward(g, with_hints(L, hint_pixels(GOLDEN_HINTS, 32, 32)))
    # random weights give near-uniform bin probabilities, so the change is small, but it is far
    # above float rounding (1e-6)
    assert np.abs(hinted - auto).max() > 1e-3


@pytest.mark.parametrize('color, a, b', [
    # published CIE Lab (D65) values of the sRGB primaries; grays have none
    ('#808080', 0, 0), ('#fff', 0, 0), ('#ff0000', 80.09, 67.20), ('#F00', 80.09, 67.20),
    ('#0000ff', 79.19, -107.86), ('#00ff00', -86.18, 83.18)])
def test_hex_colours_give_their_lab_ab(color, a, b):
    got = hex_ab(color)
    assert got == pytest.approx((a, b), abs=0.02)


@pytest.mark.parametrize('hints, width, height, cells', [
    ([], 8, 8, set()),
    # the pixel holding (x*width, y*height) and its 8 neighbours
    ([{'x': 0.5, 'y': 0.5, 'color': '#fff'}], 8, 8, {(r, c) for r in (3, 4, 5) for c in (3, 4, 5)}),
    # clipped at the content's corners: x = 1 and y = 1 fall on the last pixel, not past it
    ([{'x': 0, 'y': 0, 'color': '#fff'}], 8, 8, {(0, 0), (0, 1), (1, 0), (1, 1)}),
    ([{'x': 1, 'y': 1, 'color': '#fff'}], 8, 6, {(4, 6), (4, 7), (5, 6), (5, 7)}),
    # letterboxed content (8 wide, 2 high): the patch stays inside the 2 content rows
    ([{'x': 0.5, 'y': 0.9, 'color': '#fff'}], 8, 2, {(r, c) for r in (0, 1) for c in (3, 4, 5)}),
])
def test_hint_pixels_paint_clipped_squares(hints, width, height, cells):
    got = hint_pixels(hints, width, height)
    assert {(r, c) for r, c, _, _ in got} == cells
    assert all(r < height and c < width for r, c, _, _ in got)


def test_a_later_hint_overwrites_an_earlier_one_where_they_overlap():
    red, blue = {'x': 0.5, 'y': 0.5, 'color': '#f00'}, {'x': 0.6, 'y': 0.5, 'color': '#00f'}
    got = {(r, c): (a, b) for r, c, a, b in hint_pixels([red, blue], 10, 10)}
    assert len(got) == 12
    blue_ab = tuple(v / HINT_AB_SCALE for v in hex_ab('#00f'))
    assert got[(5, 5)] == pytest.approx(blue_ab) and got[(5, 4)] != pytest.approx(blue_ab)


@pytest.mark.parametrize('in_ch', [1, 4])
def test_golden_rebuilds_from_its_lightness_and_hint_pixels(tmp_path, in_ch):
    g = build_graph(random_net(in_ch), gamut_bins(), 0.5)
    write_golden(g, str(tmp_path))
    golden = json.load(open(tmp_path / 'golden.json'))
    assert golden['inputChannels'] == in_ch
    cases = golden['cases']
    assert [c['name'] for c in cases] == (['automatic', 'hints'] if in_ch == 4 else ['automatic'])
    L = floats(golden['lightness']).reshape(golden['lightnessShape'])
    for case in cases:
        x = with_hints(L, case['hintPixels']) if in_ch == 4 else L
        y = floats(case['output']).reshape(case['outputShape'])
        np.testing.assert_array_equal(reference_forward(g, x), y)
    if in_ch == 4:
        assert cases[1]['hints'] == GOLDEN_HINTS
        assert len(cases[1]['hintPixels']) == 3 * 9 + 4      # three whole squares, one in a corner
        auto, hinted = (floats(c['output']) for c in cases)
        assert np.abs(auto - hinted).max() > 1e-3


@pytest.mark.parametrize('in_ch', [1, 4])
def test_info_json_states_the_input_contract(tmp_path, in_ch):
    out = subprocess.run([sys.executable, os.path.join(TRAIN, 'export.py'), '--random', '--in-ch', str(in_ch),
                          '--out', str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    info = json.load(open(tmp_path / 'info.json'))
    for key in ('version', 'inputSize', 'outputStride', 'input', 'output', 'temperature', 'chromaScale', 'bins',
                'parameters', 'weightDtype'):
        assert key in info
    assert info['inputChannels'] == in_ch
    if in_ch == 4:
        assert info['hints']['abScale'] == 110 and info['hints']['patch'] == 3
        assert info['hints']['channels'] == 'L/50-1, a/110, b/110, mask'
    else:
        assert 'hints' not in info
    layers = json.load(open(tmp_path / 'model.json'))['modelTopology']['config']['layers']
    assert layers[0]['config']['batch_input_shape'] == [None, None, None, in_ch]
