// For tests: find text that runs through a <bdi> (a name or title a person wrote, isolated).
// Testing Library's text queries read an element's own text nodes only, so "Asked <bdi>Sam</bdi>."
// would not match "Asked Sam."; this reads an element's own text with its <bdi>s' text in place.
import type { MatcherFunction } from "@testing-library/svelte";

function ownText(element: Element): string {
  const parts = [...element.childNodes].map((node) =>
    node.nodeType === Node.TEXT_NODE || (node instanceof Element && node.localName === "bdi") ? node.textContent : "",
  );
  return parts.join("").replace(/\s+/g, " ").trim();
}

export function wholeText(expected: string | RegExp): MatcherFunction {
  return (_content, element) => {
    if (!element) return false;
    const text = ownText(element);
    return typeof expected === "string" ? text === expected : expected.test(text);
  };
}
