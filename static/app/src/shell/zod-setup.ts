import { z } from 'zod';

// Forge's CSP has no 'unsafe-eval'; without this zod probes `new Function` and logs a CSP violation.
z.config({ jitless: true });

export { z };
