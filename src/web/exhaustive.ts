// Value lists the screens offer (select options, filters) that must name every member of a
// contract union: a wrong value and a missing one both fail the type check.

type Missing<T, L extends readonly unknown[]> = Exclude<T, L[number]>;

/**
 * `allOf<Channel>()(['intranet', …])` keeps the list's order and type-checks that it names
 * every member of the union once at least and nothing else.
 */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([Missing<T, L>] extends [never] ? unknown : { missing: Missing<T, L> }),
  ): L =>
    list;
