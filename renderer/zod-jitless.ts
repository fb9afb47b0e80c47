import * as z from 'zod';

// SECURITY: the app's CSP forbids eval (script-src 'self', no 'unsafe-eval'). Zod probes for
// `new Function` when its first object schema is built, and Chromium reports that probe as a
// CSP violation even though zod catches the error. Jitless mode skips the probe and the
// compiled fast path, so no code is ever generated at run time. This module must be the
// first import of main.tsx, before any shared/ schema is constructed.
z.config({ jitless: true });
