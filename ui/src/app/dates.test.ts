import { describe, expect, it } from "vitest";
import { dateFormat } from "./dates";

const day = new Date(Date.UTC(2026, 10, 17));
const short = { day: "numeric", month: "short", timeZone: "UTC" } as const;

describe("date formatters", () => {
  it("gives every caller with the same locale and options the one formatter made first", () => {
    const first = dateFormat("en-GB", short);
    expect(dateFormat("en-GB", { ...short })).toBe(first);
    expect(dateFormat("en-GB", { ...short }).format(day)).toBe("17 Nov");
  });

  it("keeps locales and options apart", () => {
    expect(dateFormat("en-US", short).format(day)).toBe("Nov 17");
    expect(dateFormat("en-GB", short).format(day)).toBe("17 Nov");
    expect(dateFormat("en-GB", { ...short, year: "numeric" }).format(day)).toBe("17 Nov 2026");
    expect(dateFormat("en-US", short)).not.toBe(dateFormat("en-GB", short));
  });
});
