import { describe, expect, it } from "vitest";
import type { SyncOutcome } from "../../api/sync";
import { codeCharacters, codeProblem, folderProblem, formatCode, outcomeText, problemText, relativeTime } from "./wording";

describe("pairing codes as typed", () => {
  it("read the same with or without dashes, spaces or capitals, I, L and O taken for digits", () => {
    expect(codeCharacters("7k3q-m9zd 0xwe-4hrt")).toBe("7K3QM9ZD0XWE4HRT");
    expect(codeCharacters("ILO0")).toBe("1100");
    expect(formatCode("7k3qm9zd0xwe4hrt")).toBe("7K3Q-M9ZD-0XWE-4HRT");
    expect(formatCode("7k3qm9")).toBe("7K3Q-M9");
  });

  it("are accepted only with sixteen of the code's characters, saying what is wrong", () => {
    expect(codeProblem("7k3qm9zd0xwe4hrt")).toBeNull();
    expect(codeProblem("7K3Q-M9ZD-0XWE-4HRT")).toBeNull();
    expect(codeProblem("  ")).toBe("Type the pairing code shown on your other computer.");
    expect(codeProblem("7K3Q-M9ZD-0XWE")).toBe("A pairing code has 16 letters and digits; this has 12.");
    expect(codeProblem("7K3Q-M9ZD-0XWE-4HRU")).toContain("“U” is not in pairing codes");
    expect(codeProblem("7K3Q-M9ZD-0XWE-4HR!")).toContain("“!”");
  });
});

describe("sync folders as typed", () => {
  it("must be full paths", () => {
    expect(folderProblem("/home/ada/Sync/Leadback")).toBeNull();
    expect(folderProblem("C:\\Users\\Ada\\Dropbox\\Leadback")).toBeNull();
    expect(folderProblem("   ")).toBe("Choose the folder, or type its full path.");
    expect(folderProblem("Sync/Leadback")).toContain("full path");
  });
});

describe("when a computer last synced", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const minute = 60_000;

  it("reads as a person would say it", () => {
    expect(relativeTime(ago(20_000), now, "en")).toBe("just now");
    expect(relativeTime(ago(2 * minute + 5_000), now, "en")).toBe("2 minutes ago");
    expect(relativeTime(ago(1 * minute), now, "en")).toBe("1 minute ago");
    expect(relativeTime(ago(3 * 60 * minute), now, "en")).toBe("3 hours ago");
    expect(relativeTime(ago(30 * 60 * minute), now, "en")).toBe("yesterday");
    expect(relativeTime(ago(3 * 24 * 60 * minute), now, "en")).toBe("3 days ago");
    expect(relativeTime("2026-01-05T09:00:00Z", now, "en")).toBe("on Jan 5, 2026");
  });

  it("is 'just now' when the other computer's clock runs ahead, and says so when never", () => {
    expect(relativeTime(new Date(now.getTime() + 5 * minute).toISOString(), now, "en")).toBe("just now");
    expect(relativeTime(null, now, "en")).toBe("not yet");
    expect(relativeTime("yesterday-ish", now, "en")).toBe("at an unknown time");
  });
});

describe("problems and outcomes", () => {
  it("name the file that was not applied and why", () => {
    expect(problemText({ file: "3f2a/00000004.lbsync", message: "it was changed or damaged after it was written" })).toBe(
      "“3f2a/00000004.lbsync” was not applied: It was changed or damaged after it was written",
    );
  });

  it("say when the whole sync did not run, and that it is tried again", () => {
    const problem = { file: null, message: "/mnt/usb/Leadback: the sync folder is not there: is its drive connected, or was it moved?" };
    expect(problemText(problem, "/mnt/usb/Leadback")).toBe(
      "The last sync did not run. The sync folder is not there: is its drive connected, or was it moved? Leadback tries again every few minutes.",
    );
    expect(problemText(problem, "/elsewhere")).toContain("did not run. /mnt/usb/Leadback: the sync folder");
  });

  const outcome = (over: Partial<SyncOutcome>): SyncOutcome => ({
    sent: [],
    applied: [],
    refused: [],
    kept_copies: 0,
    waiting: 0,
    ...over,
  });

  it("say what a sync did in a sentence", () => {
    expect(outcomeText(outcome({}))).toBe("Synced: nothing new here or on your other computers.");
    expect(outcomeText(outcome({ sent: ["a"] }))).toBe(
      "Synced: sent this computer's changes, nothing new from your other computers.",
    );
    expect(
      outcomeText(
        outcome({
          applied: [
            { file: "x", from: "Laptop", rows: 3 },
            { file: "y", from: "Laptop", rows: 1 },
          ],
          kept_copies: 1,
          waiting: 2,
          refused: [{ file: "z", reason: "damaged" }],
        }),
      ),
    ).toBe(
      "Synced: nothing new to send, brought in 2 files from your other computers. 1 note was changed on two computers at once: the other version is kept in the journal. 2 files wait for files they build on, still on their way. 1 file was not applied: see the problems below.",
    );
  });
});
