"""The regression term of the loss (--reg) scores the posterior mean, as the shipped decode reads it."""
import torch

from ab_bins import gamut_bins, rebalance_weights
from train import loss_fn


def test_regression_term_scores_the_mean_with_the_rebalancing_tilt_taken_off():
    centers = gamut_bins()
    counts = torch.ones(len(centers))
    counts[40] = 1000.0                                    # bin 40 common, bin 100 rare: weights differ
    w = rebalance_weights(counts, centers, 0.8)
    assert w[100] > 2 * w[40]
    truth = (centers[40] + centers[100]) / 2
    ab4 = truth.view(1, 2, 1, 1).expand(1, 2, 4, 4).contiguous()
    half = torch.full((len(centers),), -30.0)
    half[40] = half[100] = 0.0                             # posterior: half on each bin, mean = truth
    x = torch.zeros(1, 1, 16, 16)

    def extra(logits):
        net = lambda _x: logits.view(1, -1, 1, 1).expand(1, -1, 4, 4)
        return (loss_fn('ours', net, x, ab4, None, centers, w, reg=1.0)
                - loss_fn('ours', net, x, ab4, None, centers, w, reg=0.0)).item()

    assert abs(extra(half + w.log())) < 1e-4               # rebalanced training's softmax ~ w x posterior
    assert extra(half) > 0.2                               # the same softmax read as the posterior: off
