/**
 * Finnish strings of the retention review (issue 7; GDPR Art. 5(1)(e)). A module of its own,
 * merged into one resource in ../index.ts; en.ts and sv.ts must have exactly these keys.
 */
export const retentionFi = {
  retention: {
    title: 'Säilytyksen tarkastelu',
  },
};
