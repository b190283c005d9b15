// Finding a client as the coach types: by name, contact or tag, ignoring case and accents, so
// "noor" finds "Noor Haddad" and "jose" finds "José".
import type { PersonSummary } from "../../api/people";

/** Lower case without accents (é → e, ß stays), for comparing what was typed with what is kept. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

/** The clients whose name, contact or a tag holds every word typed; all of them when nothing is. */
export function matching(clients: PersonSummary[], query: string): PersonSummary[] {
  const words = fold(query).split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return clients;
  return clients.filter((c) => {
    const haystack = fold([c.person.name, c.contact ?? "", ...c.tags].join("\n"));
    return words.every((w) => haystack.includes(w));
  });
}
