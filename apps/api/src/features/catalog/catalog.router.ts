export const catalogRouter = {}
