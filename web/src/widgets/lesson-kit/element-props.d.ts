// The props el() (kit.js) accepts for a tag, checked against the DOM's own interface for that element: its
// writable properties by their property names (`inputMode`, `noValidate`, `htmlFor`), so a misspelt or
// attribute-cased name (`inputmode`) is a type error instead of a silent expando the browser never reads. The
// few names el() writes as attributes are listed apart. Types only.

/** True when X and Y are the same type, readonly-ness included (a plain `extends` ignores readonly). */
type Same<X, Y> = (<U>() => U extends X ? 1 : 2) extends (<U>() => U extends Y ? 1 : 2) ? true : false;

/**
 * The keys of T that an assignment can set: not readonly (`tagName`, `dataset`), not methods (`click`), and not an
 * index signature (a form's `[name: string]: any`, its controls by name, would let any key through).
 */
type WritableKeys<T> = keyof {
  [P in keyof T as string extends P ? never : number extends P ? never : T[P] extends Function ? never
    : Same<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }> extends true ? P : never]: 0;
};

/** What el() sets with setAttribute (or, for `class`, className): names written as attributes, not properties. */
interface NamedAttributes {
  class?: string;
  role?: string;
  for?: string;
  part?: string;
}

interface PrefixedAttributes {
  [aria: `aria-${string}`]: string | number | boolean;
  [data: `data-${string}`]: string | number;
}

type Properties<E> = Partial<Pick<E, Exclude<WritableKeys<E>, keyof NamedAttributes>>>;

export type ElementProps<K extends keyof HTMLElementTagNameMap> =
  Properties<HTMLElementTagNameMap[K]> & NamedAttributes & PrefixedAttributes;
