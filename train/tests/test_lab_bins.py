"""Colour maths the training and the shipped decode rely on."""
import pytest
import torch

from ab_bins import gamut_bins, soft_encode, nearest_bin, rebalance_weights, annealed_mean
from lab import rgb_to_lab, lab_to_rgb, l_to_input


def test_lab_round_trip_over_the_rgb_cube():
    g = torch.linspace(0, 1, 17)
    rgb = torch.stack(torch.meshgrid(g, g, g, indexing='ij')).reshape(3, -1, 1)
    back = lab_to_rgb(rgb_to_lab(rgb))
    assert (back - rgb).abs().max() < 1e-4


@pytest.mark.parametrize('rgb, lab', [
    ((1.0, 1.0, 1.0), (100.0, 0.0, 0.0)),
    ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    ((1.0, 0.0, 0.0), (53.24, 80.09, 67.20)),   # sRGB red, D65 (Lindbloom's calculator)
    ((0.0, 0.0, 1.0), (32.30, 79.19, -107.86)),
])
def test_known_lab_values(rgb, lab):
    out = rgb_to_lab(torch.tensor(rgb).view(3, 1, 1)).flatten()
    assert torch.allclose(out, torch.tensor(lab), atol=0.05)


def test_network_input_maps_lightness_to_minus_one_one():
    assert l_to_input(torch.tensor([0.0, 50.0, 100.0])).tolist() == [-1.0, 0.0, 1.0]


def test_bins_cover_the_srgb_gamut():
    c = gamut_bins()
    assert c.shape == (254, 2)
    # every sRGB colour's ab lies within one bin step of a centre
    g = torch.linspace(0, 1, 21)
    rgb = torch.stack(torch.meshgrid(g, g, g, indexing='ij')).reshape(3, -1, 1)
    ab = rgb_to_lab(rgb)[1:, :, 0].T
    assert torch.cdist(ab, c).min(1).values.max() <= 10 * 2 ** 0.5 / 2 + 1e-3


def test_soft_encoding_is_a_distribution_peaked_at_the_nearest_bin():
    c = gamut_bins()
    ab = torch.tensor([[12.0, -33.0], [0.0, 0.0], [-40.0, 55.0]]).T.reshape(1, 2, 3, 1)
    t = soft_encode(ab, c)
    assert t.shape == (1, 254, 3, 1)
    assert torch.allclose(t.sum(1), torch.ones(1, 3, 1))
    assert torch.equal(t.argmax(1), nearest_bin(ab, c))


def test_rebalancing_favours_rare_bins_and_lambda_one_is_uniform():
    c = gamut_bins()
    counts = torch.ones(254)
    counts[nearest_bin(torch.zeros(1, 2, 1, 1), c).item()] = 10_000   # grey is common
    w = rebalance_weights(counts, c, 0.5)
    common = nearest_bin(torch.zeros(1, 2, 1, 1), c).item()
    assert torch.isfinite(w).all() and (w > 0).all()
    assert w[common] < 0.5 * w.median()
    assert torch.allclose(rebalance_weights(counts, c, 1.0), torch.ones(254), atol=1e-5)


def test_annealed_mean_goes_from_mean_to_mode():
    c = gamut_bins()
    logits = torch.zeros(1, 254, 1, 1)
    logits[0, 10] = 3.0
    logits[0, 200] = 2.0
    mode = c[10]
    near_mode = annealed_mean(logits, c, 0.01)[0, :, 0, 0]
    assert torch.allclose(near_mode, mode, atol=1e-3)
    soft = annealed_mean(logits, c, 1.0)[0, :, 0, 0]
    assert (soft - mode).norm() > (near_mode - mode).norm()
