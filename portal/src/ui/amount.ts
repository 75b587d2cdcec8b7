/** Reads an amount typed in coin units ("1000", "1,000.5", "1000 KAIA") as wei; undefined when it is not one. */
import { readableInteger } from "../proposal";

export function coinInput(text: string): bigint | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  try {
    return readableInteger(/[a-z]/i.test(t) ? t : `${t} KAIA`);
  } catch {
    return undefined;
  }
}
