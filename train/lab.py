"""sRGB <-> CIE Lab (D65) in PyTorch, channel-first (..., 3, H, W) tensors.

The same formulas as src/engine (TypeScript), so training targets and the shipped engine agree.
"""
import torch

# sRGB (D65) -> XYZ, IEC 61966-2-1.
_RGB2XYZ = torch.tensor([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_XYZ2RGB = torch.linalg.inv(_RGB2XYZ)
_WHITE = torch.tensor([0.95047, 1.0, 1.08883])
_EPS = 216.0 / 24389.0
_KAPPA = 24389.0 / 27.0


def _mix(m: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Apply a 3x3 matrix over the channel axis (-3)."""
    return torch.einsum('ij,...jhw->...ihw', m.to(x), x)


def srgb_to_linear(c: torch.Tensor) -> torch.Tensor:
    return torch.where(c <= 0.04045, c / 12.92, ((c.clamp(min=0) + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(c: torch.Tensor) -> torch.Tensor:
    c = c.clamp(0, 1)
    return torch.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)


def rgb_to_lab(rgb: torch.Tensor) -> torch.Tensor:
    """rgb in [0,1], shape (..., 3, H, W) -> Lab with L in [0,100]."""
    xyz = _mix(_RGB2XYZ, srgb_to_linear(rgb)) / _WHITE.to(rgb).view(3, 1, 1)
    f = torch.where(xyz > _EPS, xyz.clamp(min=1e-12) ** (1 / 3), (_KAPPA * xyz + 16) / 116)
    fx, fy, fz = f.unbind(-3)
    return torch.stack([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)], dim=-3)


def lab_to_rgb(lab: torch.Tensor) -> torch.Tensor:
    """Lab -> sRGB in [0,1] (clipped), shape (..., 3, H, W)."""
    L, a, b = lab.unbind(-3)
    fy = (L + 16) / 116
    fx = fy + a / 500
    fz = fy - b / 200
    def finv(f):
        return torch.where(f ** 3 > _EPS, f ** 3, (116 * f - 16) / _KAPPA)
    xyz = torch.stack([finv(fx), finv(fy), finv(fz)], dim=-3) * _WHITE.to(lab).view(3, 1, 1)
    return linear_to_srgb(_mix(_XYZ2RGB, xyz))


def l_to_input(L: torch.Tensor) -> torch.Tensor:
    """Network input scaling (the model contract): x = L/50 - 1."""
    return L / 50.0 - 1.0
