import { z } from 'zod'

// The CSP forbids eval. Zod probes for it when its first object schema is built, and the browser
// reports each probe as a violation: main.ts imports this module before any schema exists.
z.config({ jitless: true })
