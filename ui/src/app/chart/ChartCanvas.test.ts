import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import ChartCanvas from "./ChartCanvas.svelte";
import { loadChart } from "./chartjs";

vi.mock("./chartjs", () => ({ loadChart: vi.fn() }));

const config = { type: "line" as const, data: { labels: [], datasets: [] } };

describe("a chart", () => {
  it("draws on a labelled canvas once Chart.js has loaded, and cleans up after itself", async () => {
    const made: unknown[] = [];
    const destroy = vi.fn();
    class FakeChart {
      static defaults = { font: { family: "" } };
      ctx = {};
      destroy = destroy;
      constructor(canvas: HTMLCanvasElement, cfg: unknown) {
        made.push([canvas.tagName, cfg]);
      }
    }
    vi.mocked(loadChart).mockResolvedValue(FakeChart as never);
    const build = vi.fn(() => config);
    const { unmount } = render(ChartCanvas, { build, label: "Scores over time: front 60, behind 40." });
    expect(screen.getByRole("img", { name: "Scores over time: front 60, behind 40." }).tagName).toBe("CANVAS");
    await vi.waitFor(() => expect(made).toEqual([["CANVAS", config]]));
    expect(build).toHaveBeenCalledWith(expect.objectContaining({ grid: expect.any(String) }));
    // The drawing time, under the label's first clause, for the webview benchmark to read.
    expect(performance.getEntriesByName("chart: Scores over time", "measure")).toHaveLength(1);
    unmount();
    expect(destroy).toHaveBeenCalled();
  });

  it("steps aside when Chart.js cannot load, leaving the table to speak", async () => {
    vi.mocked(loadChart).mockRejectedValue(new Error("offline chunk"));
    render(ChartCanvas, { build: () => config, label: "Scores" });
    await vi.waitFor(() => expect(screen.queryByRole("img")).toBeNull());
  });
});
