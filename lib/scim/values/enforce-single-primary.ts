import type { ScimValue } from "./types";
import { isScimObject } from "./types";

/**
 * RFC 7643 §2.4: the primary value "true" appears no more than once in a multi-valued attribute.
 * The element at `keepIndex` wins when it is primary, otherwise the last primary element does.
 */
export function enforceSinglePrimary(
  elements: readonly ScimValue[],
  keepIndex?: number,
): { elements: ScimValue[]; changed: boolean } {
  const primaryIndexes = elements.flatMap((element, i) =>
    isScimObject(element) && element.primary === true ? [i] : [],
  );
  if (primaryIndexes.length <= 1) return { elements: [...elements], changed: false };

  const winner =
    keepIndex !== undefined && primaryIndexes.includes(keepIndex)
      ? keepIndex
      : primaryIndexes.at(-1);
  const result = elements.map((element, i) =>
    isScimObject(element) && element.primary === true && i !== winner
      ? { ...element, primary: false }
      : element,
  );
  return { elements: result, changed: true };
}
