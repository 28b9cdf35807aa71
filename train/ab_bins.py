"""Quantized ab color space (Zhang et al. 2016, "Colorful Image Colorization", sec. 2.1):
bins on a grid of step 10 that can occur in sRGB, soft-encoding of targets, class rebalancing,
and annealed-mean decoding."""
import torch
from lab import lab_to_rgb

GRID_STEP = 10.0
GRID_MAX = 110.0
SOFT_NEIGHBOURS = 5      # Zhang et al.: 5 nearest bins
SOFT_SIGMA = 5.0         # Gaussian kernel width, in ab units
REBALANCE_LAMBDA = 0.5   # mix of the empirical prior with uniform before inverting
PRIOR_SIGMA = 5.0        # smoothing of the empirical prior, in ab units


def gamut_bins() -> torch.Tensor:
    """(Q, 2) bin centers whose cell holds some in-gamut sRGB color at some lightness."""
    g = torch.arange(-GRID_MAX, GRID_MAX + 1e-6, GRID_STEP)
    a, b = torch.meshgrid(g, g, indexing='ij')
    centers = torch.stack([a.flatten(), b.flatten()], 1)
    # Probe each cell at 5x5 offsets and 64 lightness levels.
    off = torch.linspace(-GRID_STEP / 2 + 0.5, GRID_STEP / 2 - 0.5, 5)
    oa, ob = torch.meshgrid(off, off, indexing='ij')
    offs = torch.stack([oa.flatten(), ob.flatten()], 1)
    Ls = torch.linspace(2, 98, 64)
    pts = centers[:, None, None, :] + offs[None, :, None, :]  # (N, 25, 1, 2)
    pts = pts.expand(-1, -1, len(Ls), -1)
    L = Ls.view(1, 1, -1, 1).expand(pts.shape[0], pts.shape[1], -1, 1)
    lab = torch.cat([L, pts], -1).reshape(-1, 3).T.reshape(1, 3, -1, 1)
    # Unclipped inverse: recompute without the final clamp to test gamut membership.
    from lab import _XYZ2RGB, _WHITE, _EPS, _KAPPA, _mix
    Lc, ac, bc = lab.unbind(-3)
    fy = (Lc + 16) / 116
    fx, fz = fy + ac / 500, fy - bc / 200
    finv = lambda f: torch.where(f ** 3 > _EPS, f ** 3, (116 * f - 16) / _KAPPA)
    xyz = torch.stack([finv(fx), finv(fy), finv(fz)], -3) * _WHITE.view(3, 1, 1)
    lin = _mix(_XYZ2RGB, xyz)
    ok = ((lin >= -1e-4) & (lin <= 1 + 1e-4)).all(dim=-3).reshape(-1)
    ok = ok.reshape(centers.shape[0], -1).any(dim=1)
    return centers[ok].contiguous()


def soft_encode(ab: torch.Tensor, centers: torch.Tensor) -> torch.Tensor:
    """ab (B, 2, H, W) -> target distribution (B, Q, H, W) over the 5 nearest bins."""
    B, _, H, W = ab.shape
    flat = ab.permute(0, 2, 3, 1).reshape(-1, 2)
    d2 = torch.cdist(flat, centers.to(flat)) ** 2
    dk, ik = d2.topk(SOFT_NEIGHBOURS, dim=1, largest=False)
    wk = torch.softmax(-dk / (2 * SOFT_SIGMA ** 2), dim=1)
    target = torch.zeros(flat.shape[0], centers.shape[0], device=ab.device, dtype=ab.dtype)
    target.scatter_(1, ik, wk)
    return target.reshape(B, H, W, -1).permute(0, 3, 1, 2)


def nearest_bin(ab: torch.Tensor, centers: torch.Tensor) -> torch.Tensor:
    """ab (B, 2, H, W) -> index of the nearest bin (B, H, W)."""
    B, _, H, W = ab.shape
    flat = ab.permute(0, 2, 3, 1).reshape(-1, 2)
    return torch.cdist(flat, centers.to(flat)).argmin(1).reshape(B, H, W)


def rebalance_weights(counts: torch.Tensor, centers: torch.Tensor, lam: float = REBALANCE_LAMBDA) -> torch.Tensor:
    """Per-bin loss weights from bin counts: w ~ ((1-l) p~ + l/Q)^-1, with E_p~[w] = 1."""
    p = counts.double() / counts.sum()
    d2 = torch.cdist(centers.double(), centers.double()) ** 2
    k = torch.exp(-d2 / (2 * PRIOR_SIGMA ** 2))
    p = (k @ p) / k.sum(1)
    p = p / p.sum()
    Q = centers.shape[0]
    w = 1.0 / ((1 - lam) * p + lam / Q)
    w = w / (p * w).sum()
    return w.float()


def prior_log_weights(meta: dict, centers: torch.Tensor) -> torch.Tensor:
    """(Q,) log of the rebalancing weights a checkpoint was trained with (its meta's bin counts and
    lambda). Training with weight w(y) on the true bin makes the net's softmax q(y|x) ~ w(y) p(y|x),
    so logits - alpha * log w undo that tilt: alpha 1 is the unweighted posterior, 0 the raw net.
    Zeros when the meta has no counts."""
    if 'counts' not in meta:
        return torch.zeros(centers.shape[0])
    return torch.log(rebalance_weights(meta['counts'], centers.cpu(), meta.get('rebalance', REBALANCE_LAMBDA)))


def annealed_mean(logits: torch.Tensor, centers: torch.Tensor, T: float) -> torch.Tensor:
    """logits (B, Q, H, W) -> ab (B, 2, H, W): the mean of softmax(logits / T)."""
    p = torch.softmax(logits.float() / T, dim=1)
    return torch.einsum('bqhw,qc->bchw', p, centers.to(p))
