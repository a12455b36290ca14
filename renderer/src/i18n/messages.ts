import type { fi } from './fi';

export type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { readonly [K in keyof T]: Widen<T[K]> };

/** Every locale has exactly Finnish's keys: a missing or extra key is a type error. */
export type Messages = Widen<typeof fi>;
