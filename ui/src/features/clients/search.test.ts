import { describe, expect, it } from "vitest";
import type { PersonSummary } from "../../api/people";
import { fold, matching } from "./search";

const client = (name: string, contact: string | null, tags: string[]): PersonSummary => ({
  person: { id: name.length, kind: "client", name, created_at: "", updated_at: "" },
  contact,
  tags,
  consent: null,
  last_session: null,
  completed_assessments: 0,
});

const list = [
  client("José Núñez", "jose@example.org", ["pilot"]),
  client("Noor Haddad", "+44 7700 900123", ["team lead", "2027 cohort"]),
];
const names = (found: PersonSummary[]) => found.map((c) => c.person.name);

describe("finding a client", () => {
  it("ignores case and accents", () => {
    expect(fold("JOSÉ Núñez")).toBe("jose nunez");
    expect(names(matching(list, "nunez"))).toEqual(["José Núñez"]);
    expect(names(matching(list, "NOOR"))).toEqual(["Noor Haddad"]);
  });

  it("looks in the contact and the tags, and wants every word typed", () => {
    expect(names(matching(list, "7700"))).toEqual(["Noor Haddad"]);
    expect(names(matching(list, "team lead"))).toEqual(["Noor Haddad"]);
    expect(names(matching(list, "pilot noor"))).toEqual([]);
  });

  it("lists everyone while nothing is typed", () => {
    expect(names(matching(list, "  "))).toEqual(["José Núñez", "Noor Haddad"]);
  });
});
