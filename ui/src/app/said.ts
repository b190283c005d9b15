// A sentence of the app's own words around text a person wrote (a name, a title). Each piece the
// person wrote is kept apart, so the screen can isolate it in a <bdi> (Said.svelte): an Arabic or
// Hebrew name then keeps its own direction and does not reorder the words around it.

/** A piece of a sentence that a person wrote. */
export interface Written {
  written: string;
}

export type Said = readonly (string | Written)[];

/** said`Asked ${name}.`: the literal parts are the app's words, every value is a person's text. */
export function said(words: TemplateStringsArray, ...written: string[]): Said {
  const parts: (string | Written)[] = [];
  words.forEach((word, i) => {
    if (word !== "") parts.push(word);
    const value = written[i];
    if (value !== undefined) parts.push({ written: value });
  });
  return parts;
}

/** The sentence as one string, for where markup cannot go (a label read out, a file dialog's title). */
export function plain(sentence: Said | string): string {
  if (typeof sentence === "string") return sentence;
  return sentence.map((part) => (typeof part === "string" ? part : part.written)).join("");
}
