import { expectAccessible, rawInvoke, screenshot } from "./support.js";

const nameField = () => $("#name");
const continueButton = () => $("button=Continue");

async function submitName(value) {
  // Set the value the way typing would, without 10,000 simulated keystrokes.
  await browser.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    },
    await nameField(),
    value,
  );
  await continueButton().click();
}

describe("first run", () => {
  it("opens on the onboarding screen asking for a name", async () => {
    await $("h1=Welcome to Leadback").waitForDisplayed();
    await expect(nameField()).toBeDisplayed();
    await screenshot("01-onboarding");
    await expectAccessible("onboarding");
  });

  it("refuses a blank name with its reason and keeps asking", async () => {
    await submitName("    ");
    const alert = $('[role="alert"]');
    await alert.waitForDisplayed();
    await expect(alert).toHaveText(expect.stringContaining("can't be empty"));
    await expect(nameField()).toHaveAttribute("aria-invalid", "true");
    await screenshot("02-onboarding-error");
    await expectAccessible("onboarding with an error");
  });

  it("refuses a 10,000-character name and says how long a name may be", async () => {
    await submitName("x".repeat(10_000));
    await expect($('[role="alert"]')).toHaveText(expect.stringContaining("at most 80"));
    const me = await rawInvoke("get_me", {});
    expect(me).toEqual({ ok: true, value: null });
  });

  it("rejects a wrongly typed call with a coded error and saves nothing", async () => {
    // WebKitWebDriver surfaces the rejected call as a script error, whatever the page does with it.
    const outcome = await rawInvoke("set_my_name", { name: 42 }).catch((err) => ({
      ok: false,
      error: String(err),
    }));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain("invalid args `name` for command `set_my_name`");
    expect(await rawInvoke("get_me", {})).toEqual({ ok: true, value: null });
  });

  it("greets the person by name once they have given it", async () => {
    await nameField().setValue("  Ada Lovelace ");
    await continueButton().click();
    const heading = $("h1*=Ada Lovelace");
    await heading.waitForDisplayed();
    await expect($("p*=haven't taken the assessment yet")).toBeDisplayed();
    await screenshot("03-home");
    await expectAccessible("home");
  });

  it("still greets them after the app is closed and opened again", async () => {
    await browser.reloadSession();
    await $("h1*=Ada Lovelace").waitForDisplayed();
    await expect($("h1=Welcome to Leadback")).not.toBeExisting();
  });
});
