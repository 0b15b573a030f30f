"""Matplotlib figures for the notebooks: every axis labelled, nothing random."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure


def bar_chart(series: pd.Series, title: str, xlabel: str, ylabel: str) -> Figure:
    """Horizontal bars, largest on top."""
    figure, axes = plt.subplots(figsize=(8, max(3, 0.28 * len(series))))
    series.iloc[::-1].plot.barh(ax=axes, color="#4c72b0")
    _label(axes, title, xlabel, ylabel)
    figure.tight_layout()
    return figure


def skill_trends(shares: pd.DataFrame, skills: int = 8) -> Figure:
    """Share of projects requiring each of the most requested skills, term by term."""
    figure, axes = plt.subplots(figsize=(10, 4.5))
    (100 * shares.iloc[:, :skills]).plot(ax=axes, marker="o")
    axes.set_xticks(range(len(shares.index)))
    axes.set_xticklabels(shares.index, rotation=45, ha="right")
    _label(axes, "Most requested skills across terms", "term", "% of the term's projects")
    axes.legend(title="skill", bbox_to_anchor=(1.01, 1), loc="upper left")
    figure.tight_layout()
    return figure


def embedding_map(points: pd.DataFrame) -> Figure:
    """Projects in 2-D, coloured by organisation."""
    figure, axes = plt.subplots(figsize=(10, 7))
    organizations = sorted(points["organization"].unique())
    colours = plt.get_cmap("tab20")
    markers = "osD^vP*X"  # 20 colours × 8 shapes: every organisation looks different
    for number, organization in enumerate(organizations):
        group = points[points["organization"] == organization]
        axes.scatter(
            group["x"],
            group["y"],
            s=45,
            color=colours(number % 20),
            marker=markers[number % len(markers)],
            label=organization,
        )
    _label(
        axes,
        "Projects by meaning (PCA of MiniLM embeddings)",
        "first principal component",
        "second principal component",
    )
    axes.legend(fontsize=7, bbox_to_anchor=(1.01, 1), loc="upper left", ncol=1)
    figure.tight_layout()
    return figure


def heat_map(matrix: pd.DataFrame, title: str = "Project–project cosine similarity") -> Figure:
    figure, axes = plt.subplots(figsize=(11, 9))
    image = axes.imshow(matrix.to_numpy(), cmap="viridis", vmin=0, vmax=1)
    ticks = range(len(matrix.index))
    axes.set_xticks(list(ticks))
    axes.set_yticks(list(ticks))
    axes.set_xticklabels(matrix.columns, rotation=90, fontsize=5)
    axes.set_yticklabels(matrix.index, fontsize=5)
    figure.colorbar(image, ax=axes, label="cosine similarity")
    _label(axes, title, "project", "project")
    figure.tight_layout()
    return figure


def evaluation_bars(table: pd.DataFrame) -> Figure:
    """Grouped bars: each metric (or subset) for the hybrid and each single-channel baseline."""
    figure, axes = plt.subplots(figsize=(9, 4.5))
    table.T.plot.bar(ax=axes, rot=0, width=0.8)
    axes.set_ylim(0, 1)
    _label(axes, "Hybrid ranking against single-channel baselines", "metric or subset", "score (0–1)")
    axes.legend(title="system", bbox_to_anchor=(1.01, 1), loc="upper left")
    figure.tight_layout()
    return figure


def _label(axes: Axes, title: str, xlabel: str, ylabel: str) -> None:
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
