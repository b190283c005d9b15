import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { explain } from "./errors";
import { ApiError, toApiError } from "./ipc";
import { getMe, setMyName } from "./profile";

describe("calls to Rust", () => {
  it("pass arguments by name and return the typed result", async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return { id: 1, kind: "me", name: "Ada", created_at: "x", updated_at: "x" };
    });
    const me = await setMyName("Ada");
    expect(me.name).toBe("Ada");
    expect(seen).toEqual([["set_my_name", { name: "Ada" }]]);
  });

  it("turn a coded rejection into an ApiError with the same code", async () => {
    mockIPC(() => {
      throw { code: "invalid_input", message: "Your name can't be empty." };
    });
    const err = await setMyName(" ").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe("invalid_input");
    expect((err as ApiError).message).toBe("Your name can't be empty.");
  });

  it("give the shell's bare-string rejections the bad_request code", async () => {
    mockIPC(() => {
      throw "invalid args `name` for command `set_my_name`: invalid type: integer";
    });
    const err = await getMe().catch((e: unknown) => e);
    expect((err as ApiError).code).toBe("bad_request");
  });
});

describe("explain", () => {
  it("has a headline for every code and marks the ones the app cannot continue after", () => {
    const damaged = explain({ code: "damaged_database", message: "/x is damaged" });
    expect(damaged.fatal).toBe(true);
    expect(damaged.headline).toMatch(/damaged/);
    expect(damaged.detail).toBe("/x is damaged");
    expect(explain({ code: "invalid_input", message: "too long" }).fatal).toBe(false);
  });

  it("never shows an unknown shape as a blank message", () => {
    expect(toApiError({ weird: true }).code).toBe("internal");
    expect(explain(new Error("boom")).detail).toBe("boom");
  });
});
