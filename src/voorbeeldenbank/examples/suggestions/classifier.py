"""Logistic regression per element, on numpy alone (scikit-learn is not a dependency).

Each element gets its own model: weights over the embedding and its word score (lexical.py)
plus a bias, fitted by Newton's method with an L2 penalty (385 inputs: the Hessian is small, a
handful of steps converge), positives weighted up so that a rare element is not drowned by the
rest. Platt scaling then maps the raw score to a probability, and two thresholds on that
probability give "ja", "twijfel" and "nee". All three are fitted on out-of-fold scores, so they
describe unseen text.
"""

from dataclasses import dataclass

import numpy as np

# Chosen on the labelled set split by author (0.001-0.01 alike, 1.0 clearly worse); the
# held-out file played no part.
L2 = 0.01
STEPS = 25
FOLDS = 5
# "unsure" starts where at least this share of the true cases is still above it.
UNSURE_RECALL = 0.95
PLATT_L2 = 0.01
MAX_PLATT_STEP = 2.0


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logistic(
    x: np.ndarray, y: np.ndarray, *, l2: float | None = None, balanced: bool = True
) -> tuple[np.ndarray, float]:
    """Weights and bias minimising weighted log loss + l2/2 |w|^2 (the bias is not penalised)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))]).astype(np.float64)
    weights = np.ones(n)
    positives = y.sum()
    if balanced and 0 < positives < n:
        weights = np.where(y > 0, n / (2 * positives), n / (2 * (n - positives)))
    penalty = np.full(d + 1, L2 if l2 is None else l2)
    penalty[-1] = 0.0
    beta = np.zeros(d + 1)
    for _step in range(STEPS):
        p = _sigmoid(design @ beta)
        gradient = design.T @ (weights * (p - y)) + penalty * beta
        hessian = (design * (weights * p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        delta = np.linalg.solve(hessian, gradient)
        beta -= delta
        if np.abs(delta).max() < 1e-6:
            break
    return beta[:-1].astype(np.float32), float(beta[-1])


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """a, b with P(y=1 | s) = sigmoid(a*s + b), on Platt's smoothed targets.

    A small penalty and a bounded step keep a finite slope when the scores separate the
    classes completely (plain Newton then runs off to infinity and every probability is 0 or 1).
    """
    positives = y.sum()
    negatives = len(y) - positives
    targets = np.where(y > 0, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    params = np.array([1.0, 0.0])
    for _step in range(50):
        p = _sigmoid(params[0] * scores + params[1])
        r = p - targets
        w = p * (1 - p) + 1e-12
        gradient = np.array([(r * scores).sum(), r.sum()]) + PLATT_L2 * params
        hessian = (
            np.array(
                [[(w * scores * scores).sum(), (w * scores).sum()], [(w * scores).sum(), w.sum()]]
            )
            + np.eye(2) * PLATT_L2
        )
        delta = np.linalg.solve(hessian, gradient)
        size = float(np.abs(delta).max())
        if size > MAX_PLATT_STEP:
            delta *= MAX_PLATT_STEP / size
        params -= delta
        if size < 1e-8:
            break
    return float(params[0]), float(params[1])


def best_f1_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The probability cut with the highest F1 (the middle of the best run of cuts)."""
    candidates = np.unique(np.round(probabilities, 4))
    best, best_f1 = 0.5, -1.0
    positives = y.sum()
    if positives == 0:
        return 0.99
    for cut in candidates:
        predicted = probabilities >= cut
        tp = float((predicted & (y > 0)).sum())
        f1 = 2 * tp / (predicted.sum() + positives)
        if f1 > best_f1 + 1e-12:
            best, best_f1 = float(cut), f1
    return best


def unsure_threshold(probabilities: np.ndarray, y: np.ndarray, high: float) -> float:
    true_scores = np.sort(probabilities[y > 0])
    if true_scores.size == 0:
        return high
    low = float(true_scores[int(np.floor((1 - UNSURE_RECALL) * true_scores.size))])
    return min(low, high)


def fold_of(groups: list[str], folds: int = FOLDS) -> np.ndarray:
    """A fold per item such that a group (an example, an author's theme) stays in one fold."""
    names = sorted(set(groups))
    rng = np.random.default_rng(14)
    order = rng.permutation(len(names))
    number = {names[i]: rank % folds for rank, i in enumerate(order)}
    return np.array([number[g] for g in groups])


@dataclass(frozen=True)
class Calibrated:
    """One element's fitted model and cuts."""

    weights: np.ndarray
    bias: float
    platt_a: float
    platt_b: float
    high: float
    low: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(self.platt_a * (x @ self.weights + self.bias) + self.platt_b)


def fit_calibrated(
    x: np.ndarray, y: np.ndarray, folds: np.ndarray, *, l2: float | None = None
) -> Calibrated:
    """Fit on everything; Platt scaling and thresholds from out-of-fold raw scores."""
    raw = np.zeros(len(y))
    for fold in np.unique(folds):
        test = folds == fold
        train = ~test
        if y[train].sum() == 0:
            raw[test] = -10.0
            continue
        w, b = fit_logistic(x[train], y[train], l2=l2)
        raw[test] = x[test] @ w + b
    a, c = fit_platt(raw, y)
    probabilities = _sigmoid(a * raw + c)
    high = best_f1_threshold(probabilities, y)
    low = unsure_threshold(probabilities, y, high)
    weights, bias = fit_logistic(x, y, l2=l2)
    return Calibrated(weights, bias, a, c, high, low)
