import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { plain, said } from "./said";
import Said from "./Said.svelte";

describe("a sentence around a person's words", () => {
  it("keeps what the person wrote apart from the app's words", () => {
    expect(said`Asked ${"Sam"}. Hand them the screen.`).toEqual(["Asked ", { written: "Sam" }, ". Hand them the screen."]);
    expect(said`${"نور"} withdrew consent`).toEqual([{ written: "نور" }, " withdrew consent"]);
    expect(plain(said`Thank you, ${"نور حداد"}`)).toBe("Thank you, نور حداد");
    expect(plain("Just words")).toBe("Just words");
  });

  it("shows the person's words isolated, and the sentence unchanged", () => {
    const { container } = render(Said, { text: said`Erase ${"نور حداد"} and everything about ${"them"}?` });
    expect(container.textContent).toBe("Erase نور حداد and everything about them?");
    expect([...container.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(["نور حداد", "them"]);
  });

  it("shows a plain string as it is", () => {
    const { container } = render(Said, { text: "New programme" });
    expect(container.textContent).toBe("New programme");
    expect(container.querySelector("bdi")).toBeNull();
  });
});
