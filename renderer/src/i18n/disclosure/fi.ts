/**
 * Finnish strings of the disclosure log and its flows (issue 7): an authority's request and the
 * transfer to a successor company. A module of its own, merged into one resource in ../index.ts;
 * en.ts and sv.ts must have exactly these keys.
 */
export const disclosureFi = {
  disclosure: {
    title: 'Luovutukset',
  },
};
