import { z } from 'zod';

// The CSP has no 'unsafe-eval': stop zod from probing `new Function` (a CSP violation) and use
// its interpreter. Imported first by main.tsx so no schema is parsed before this runs.
z.config({ jitless: true });
