import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SyncView } from "../../api/sync";
import { fakeRust } from "../assessment/fixtures";
import Sync from "./Sync.svelte";

const notSyncing: SyncView = {
  status: { in_group: false, folder: null, devices: [], unsent: 0, synced_at: null },
  problems: [],
  tried_at: null,
};

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function inGroup(over: Partial<SyncView["status"]> = {}, problems: SyncView["problems"] = []): SyncView {
  return {
    status: {
      in_group: true,
      folder: "/home/ada/Sync/Leadback",
      devices: [
        { id: "a", name: "desk", this_device: true, synced_at: minutesAgo(2) },
        { id: "b", name: "laptop", this_device: false, synced_at: minutesAgo(60 * 3) },
      ],
      unsent: 0,
      synced_at: minutesAgo(2),
      ...over,
    },
    problems,
    tried_at: minutesAgo(2),
  };
}

const noOutcome = { sent: [], applied: [], refused: [], kept_copies: 0, waiting: 0 };

describe("sync settings", () => {
  it("renames this computer from its row: Escape keeps the name, a refused name says why", async () => {
    let view = inGroup();
    const calls = fakeRust({
      sync_status: () => view,
      sync_rename: (args) => {
        const name = String(args.name).trim();
        if (!name) throw { code: "invalid_input", message: "Give this computer a name, such as “Office desktop”." };
        view = inGroup({
          devices: [
            { id: "a", name, this_device: true, synced_at: minutesAgo(2) },
            { id: "b", name: "laptop", this_device: false, synced_at: minutesAgo(60 * 3) },
          ],
        });
        return name;
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "Rename this computer" }));
    const field = screen.getByLabelText("This computer's name") as HTMLInputElement;
    expect(field.value).toBe("desk");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByLabelText("This computer's name")).toBeNull();
    expect(calls.some(([cmd]) => cmd === "sync_rename")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: "Rename this computer" }));
    await userEvent.clear(screen.getByLabelText("This computer's name"));
    await userEvent.keyboard("  {Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("Give this computer a name");

    await userEvent.clear(screen.getByLabelText("This computer's name"));
    await userEvent.type(screen.getByLabelText("This computer's name"), "Office desktop{Enter}");
    expect(calls).toContainEqual(["sync_rename", { name: "Office desktop" }]);
    const devices = await screen.findByRole("list", { name: "Computers in this group" });
    await vi.waitFor(() => expect(devices.textContent).toContain("Office desktop"));
    expect(screen.getByText(/This computer is now “Office desktop” in the group/)).toBeTruthy();
  });

  it("shows a new pairing code from a computer in the group, when the first was lost", async () => {
    fakeRust({
      sync_status: () => inGroup(),
      sync_new_code: () => ({ code: "M9ZD-7K3Q-4HRT-0XWE", folder: "/home/ada/Sync/Leadback", device: "desk" }),
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "New pairing code" }));
    const pairing = await screen.findByRole("region", { name: "Pairing code" });
    expect(within(pairing).getByText("M9ZD-7K3Q-4HRT-0XWE")).toBeTruthy();
    expect(pairing.textContent).toContain("the old one then stops working");
  });

  it("explains sync before a computer is in a group: no server, the database never in the folder, a lost code", async () => {
    fakeRust({ sync_status: () => notSyncing });
    render(Sync);
    await screen.findByRole("button", { name: "Start syncing in a folder…" });
    const text = screen.getByRole("region", { name: "Sync with your other computers" }).textContent ?? "";
    expect(text).toContain("no server and no account");
    expect(text).toContain("Your database itself never goes into that folder");
    expect(text).toContain("A lost pairing code cannot be recovered");
    expect(screen.getByRole("button", { name: "Join with a pairing code…" })).toBeTruthy();
  });

  it("starts in a typed folder and shows the pairing code to copy, with what to do on the other computer", async () => {
    let view = notSyncing;
    const calls = fakeRust({
      sync_status: () => view,
      sync_start: () => {
        view = inGroup({ devices: [{ id: "a", name: "desk", this_device: true, synced_at: minutesAgo(0) }] });
        return { code: "7K3Q-M9ZD-0XWE-4HRT", folder: "/home/ada/Sync/Leadback", device: "desk" };
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "Start syncing in a folder…" }));
    await userEvent.click(screen.getByRole("button", { name: "Start syncing" }));
    expect(screen.getByRole("alert").textContent).toBe("Choose the folder, or type its full path.");
    expect(calls.some(([cmd]) => cmd === "sync_start")).toBe(false);

    await userEvent.type(screen.getByLabelText("Sync folder"), "/home/ada/Sync/Leadback");
    await userEvent.click(screen.getByRole("button", { name: "Start syncing" }));
    expect(calls).toContainEqual(["sync_start", { folder: "/home/ada/Sync/Leadback" }]);
    const pairing = await screen.findByRole("region", { name: "Pairing code" });
    expect(within(pairing).getByText("7K3Q-M9ZD-0XWE-4HRT")).toBeTruthy();
    expect(pairing.textContent).toContain("Join with a pairing code");
    expect(screen.getByText(/last synced just now/)).toBeTruthy();
  });

  it("joins with a code typed without dashes, and refuses a malformed one before asking Rust", async () => {
    let view = notSyncing;
    const calls = fakeRust({
      sync_status: () => view,
      sync_join: () => {
        view = inGroup();
        return { ...noOutcome, applied: [{ file: "x", from: "desk", rows: 40 }] };
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "Join with a pairing code…" }));
    await userEvent.type(screen.getByLabelText("Sync folder"), "/home/ada/Sync/Leadback");
    await userEvent.type(screen.getByLabelText("Pairing code"), "7k3q m9zd 0xwe");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(screen.getByRole("alert").textContent).toBe("A pairing code has 16 letters and digits; this has 12.");
    expect(calls.some(([cmd]) => cmd === "sync_join")).toBe(false);

    await userEvent.type(screen.getByLabelText("Pairing code"), "4hrt");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    const join = calls.find(([cmd]) => cmd === "sync_join");
    expect(join?.[1]).toMatchObject({ folder: "/home/ada/Sync/Leadback", code: "7k3q m9zd 0xwe4hrt" });
    await vi.waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain("Joined. Synced: nothing new to send, brought in 1 file"),
    );
  });

  it("shows a refused join where the code was typed, and stays out of any group", async () => {
    fakeRust({
      sync_status: () => notSyncing,
      sync_join: () => {
        throw { code: "invalid_input", message: "That pairing code does not open this folder's group." };
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "Join with a pairing code…" }));
    await userEvent.type(screen.getByLabelText("Sync folder"), "/home/ada/Sync/Leadback");
    await userEvent.type(screen.getByLabelText("Pairing code"), "7K3Q-M9ZD-0XWE-4HRT");
    await userEvent.click(screen.getByRole("button", { name: "Join" }));
    expect((await screen.findByRole("alert")).textContent).toContain("does not open this folder's group");
    expect(screen.getByLabelText("Pairing code")).toBeTruthy();
  });

  it("lists the group's computers with this one marked, what waits, and syncs now", async () => {
    let view = inGroup({ unsent: 3 });
    const calls = fakeRust({
      sync_status: () => view,
      sync_now: () => {
        view = inGroup();
        return { ...noOutcome, sent: ["a/00000002.lbsync"] };
      },
    });
    render(Sync);
    const list = await screen.findByRole("list", { name: "Computers in this group" });
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent?.replace(/\s+/g, " ").trim());
    expect(items).toEqual([
      "desk this computer Rename… last synced 2 minutes ago",
      "laptop Remove… last synced 3 hours ago",
    ]);
    expect(screen.getByText("3 changes made here wait to be written to the folder.")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Sync now" }));
    expect(calls.some(([cmd]) => cmd === "sync_now")).toBe(true);
    await vi.waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "Synced: sent this computer's changes, nothing new from your other computers.",
      ),
    );
    expect(screen.getByText("Everything changed here is in the sync folder.")).toBeTruthy();
  });

  it("lists problems in plain words, once, with no pop-up for a sync that could not run", async () => {
    const missing = "/home/ada/Sync/Leadback: the sync folder is not there: is its drive connected, or was it moved?";
    let view = inGroup({}, [{ file: "b/00000007.lbsync", message: "it was changed or damaged after it was written" }]);
    fakeRust({
      sync_status: () => view,
      sync_now: () => {
        view = inGroup({}, [{ file: null, message: missing }]);
        throw { code: "invalid_input", message: missing };
      },
    });
    render(Sync);
    const problems = await screen.findByRole("region", { name: "Problems" });
    expect(problems.textContent).toContain("“b/00000007.lbsync” was not applied: It was changed or damaged");

    await userEvent.click(screen.getByRole("button", { name: "Sync now" }));
    await vi.waitFor(() =>
      expect(screen.getByRole("region", { name: "Problems" }).textContent).toContain(
        "The last sync did not run. The sync folder is not there",
      ),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("removes another computer only after a confirmation, by its id, and lists it no more", async () => {
    let view = inGroup();
    const calls = fakeRust({
      sync_status: () => view,
      sync_forget: () => {
        view = inGroup({ devices: [{ id: "a", name: "desk", this_device: true, synced_at: minutesAgo(2) }] });
        return "laptop";
      },
    });
    render(Sync);
    expect(await screen.findByRole("button", { name: "Remove laptop from this group" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove desk from this group" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Remove laptop from this group" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove “laptop” from this group?" });
    expect(dialog.textContent).toContain("will not sync again");
    await userEvent.keyboard("{Enter}");
    expect(calls.some(([cmd]) => cmd === "sync_forget")).toBe(false);
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Remove laptop from this group" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove it" }));
    expect(calls).toContainEqual(["sync_forget", { computer: "b" }]);
    expect(await screen.findByText("“laptop” is no longer listed. Your other computers stop waiting for it.")).toBeTruthy();
    const devices = screen.getByRole("list", { name: "Computers in this group" });
    await vi.waitFor(() => expect(devices.textContent).not.toContain("laptop"));
  });

  it("leaves only after a confirmation saying the data stays, and Cancel keeps the group", async () => {
    let view = inGroup();
    const calls = fakeRust({
      sync_status: () => view,
      sync_leave: () => {
        view = notSyncing;
        return null;
      },
    });
    render(Sync);
    await userEvent.click(await screen.findByRole("button", { name: "Leave sync…" }));
    const dialog = screen.getByRole("alertdialog", { name: "Stop syncing this computer?" });
    expect(dialog.textContent).toContain("Your data stays on this computer");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.some(([cmd]) => cmd === "sync_leave")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: "Leave sync…" }));
    await userEvent.click(screen.getByRole("button", { name: "Stop syncing" }));
    expect(calls).toContainEqual(["sync_leave", {}]);
    expect(await screen.findByText("This computer no longer syncs. Its data stays here.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Start syncing in a folder…" })).toBeTruthy();
  });
});
